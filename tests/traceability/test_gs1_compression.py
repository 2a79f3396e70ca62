"""Compressed GS1 Digital Link URIs (traceability/gs1_compression.py), without HTTP."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catalogue.codes import gtin_check_digit
from traceability import gs1
from traceability.gs1_compression import CompressionError, as_uri_parts, compress, decompress

# Published pairs of uncompressed and compressed URIs on id.gs1.org, from the test features
# of Solidsoft Reply's GS1 Digital Link library (Solidsoft-Reply/Gs1DigitalLinkLib,
# Tests/Features/CompressGs1DigitalLink.feature), which agree with GS1's compression
# prototype. Only the GTIN ones: the other keys are not resolved here.
PUBLISHED = [
    ("/01/05412345000013", "AQnYUc1gmg"),
    ("/01/05412345000013/10/ABC123", "AQnYUc1gmiCNV4JG"),
    ("/01/05412345000013/10/ABC123/21/72292641703", "AQnYUc1gmiCNV4JGQhcNT6K6c"),
    ("/01/05412345000013/22/AJY3095721P49/10/ABC123/21/72292641703", "AQnYUc1gmiCNV4JGQhcNT6K6cibQCWN9Pee9tT-PQ"),
    ("/01/05412345000013/22/AJY3095721P49/10/ABC123", "AQnYUc1gmiCNV4JGRNoBLG-nvPe2p_Ho"),
    ("/01/05412345000013/21/72292641703", "AQnYUc1gmkIXDU-iun"),
    ("/01/05412345000013/22/AJY3095721P49/21/72292641703", "AQnYUc1gmkIXDU-iunIm0AljfT3nvbU_j0"),
    ("/01/05412345000013/22/AJY3095721P49", "AQnYUc1gmkTaASxvp7z3tqfx6"),
]


@pytest.mark.parametrize("path, compressed", PUBLISHED)
def test_published_examples_decompress_to_their_uri(path, compressed):
    uncompressed, attributes = as_uri_parts(decompress(compressed))
    assert uncompressed == path
    assert attributes == []


@pytest.mark.parametrize("path, compressed", PUBLISHED)
def test_published_examples_compress_to_the_published_form(path, compressed):
    """The elements in the order the publisher wrote them (element-string order: 10, 21, 22)."""
    assert compress(decompress(compressed)) == compressed


def test_expiry_date_and_lot_round_trip_into_path_and_query():
    elements = [("01", "08934567890120"), ("10", "L2601-01"), ("17", "270312")]
    assert as_uri_parts(decompress(compress(elements))) == ("/01/08934567890120/10/L2601-01", [("17", "270312")])


@pytest.mark.parametrize(
    "value",
    ["123", "00042", "abc123", "ABC123", "Lot_A-1", "L.2601/01", "a%b&c", "x" * 20],
)
def test_every_value_encoding_round_trips(value):
    """Digits, lower and upper hex, base64url and 7-bit ASCII: each encoding the algorithm has."""
    elements = [("01", "08934567890120"), ("21", value)]
    assert decompress(compress(elements)) == elements


def test_a_value_with_a_slash_is_percent_encoded_in_the_path():
    path, _attributes = as_uri_parts([("01", "08934567890120"), ("10", "A/B")])
    assert path == "/01/08934567890120/10/A%2FB"
    assert gs1.parse_path(path).lot == "A/B"


lot_values = st.text(alphabet="!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")


@given(
    st.text("0123456789", min_size=13, max_size=13),
    st.dictionaries(st.sampled_from(["10", "21", "22"]), lot_values.filter(lambda v: 1 <= len(v) <= 20)),
    st.sampled_from([None, "260101", "271231", "991200"]),
)
def test_any_gtin_with_qualifiers_and_expiry_round_trips(body, qualifiers, expiry):
    elements = [("01", body + gtin_check_digit(body)), *qualifiers.items()]
    if expiry:
        elements.append(("17", expiry))
    assert decompress(compress(elements)) == elements


@pytest.mark.parametrize(
    "compressed",
    [
        "AQnYUc1g",  # cut in the middle of the GTIN
        "AQnYUc1gmiCNV4",  # cut in the middle of the lot
        "AQnYUc1gmh",  # stray bits after the GTIN
        "AN2yxDhfaiaw",  # an SSCC (AI 00): not resolved here
        "EEarwSM",  # a lot without a GTIN
        "AQnYUc1gmg!",  # not base64url
        "AQnYUc1gmiCNV4JGII1XgkY",  # AI 10 twice
        "Af____________",  # a number too big for 14 digits
        "",
    ],
)
def test_malformed_or_unsupported_compressed_paths_raise(compressed):
    with pytest.raises(CompressionError):
        decompress(compressed)


@given(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", max_size=60))
def test_any_base64url_string_decompresses_or_raises_a_compression_error(segment):
    try:
        decompress(segment)
    except CompressionError:
        pass
