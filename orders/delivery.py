"""Delivery fees and times before ordering: one reckoning for the cart, the checkout and
place_order(), so the order stores exactly what the shopper was shown.

Each producer delivers its own part, so each part has its own fee: the producer's most
specific DeliveryRule matching the address (commune since 2025, then old district, then
everywhere), free when the part reaches the rule's `free_above`. A producer without a
matching rule still delivers; its fee is agreed with the shopper by phone and is not in the
total (the pages say so). Pickup at a showroom costs nothing.

One query for any cart (the producers' rules; their delivery times come with the
producers), none for pickup.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from .models import DeliveryRule, DeliveryTerms, Fulfilment, days_text


@dataclass
class PartQuote:
    producer: object
    lines: list
    subtotal: int
    pickup: bool = False
    fee: int | None = None  # None: to be agreed with the producer by phone
    rule: DeliveryRule | None = None
    days_min: int | None = None
    days_max: int | None = None
    # Cart without an address: `fee` is the lowest of the producer's fees.
    depends_on_address: bool = False

    @property
    def to_agree(self):
        return not self.pickup and self.fee is None

    @property
    def free(self):
        """Free because the part reached the rule's threshold (not a rule of 0 ₫)."""
        return self.rule is not None and self.fee == 0 and self.rule.fee > 0

    @property
    def total(self):
        return self.subtotal + (self.fee or 0)

    @property
    def days_text(self):
        return "" if self.pickup else days_text(self.days_min, self.days_max)


@dataclass
class Quote:
    parts: list = field(default_factory=list)

    @property
    def subtotal(self):
        return sum(part.subtotal for part in self.parts)

    @property
    def fees(self):
        return sum(part.fee or 0 for part in self.parts)

    @property
    def total(self):
        return self.subtotal + self.fees

    @property
    def to_agree(self):
        """Producers whose fee is agreed by phone: the total excludes their delivery."""
        return [part.producer.name for part in self.parts if part.to_agree]

    @property
    def depends_on_address(self):
        return any(part.depends_on_address for part in self.parts)

    @property
    def signature(self):
        """Each part's fee in one string ("12:30000,15:-"): the checkout's hidden field, so
        a fee that changed is noticed even when the total happens to stay the same."""
        return ",".join(
            f"{part.producer.pk}:{'-' if part.fee is None else part.fee}"
            for part in sorted(self.parts, key=lambda part: part.producer.pk)
        )

    def part_for(self, producer_id):
        return next(part for part in self.parts if part.producer.pk == producer_id)


def terms_of(producer):
    """The producer's DeliveryTerms or None; callers load it with the producer
    (cart.CART_RELATIONS, services._attach_producers), so no query here."""
    try:
        return producer.delivery_terms
    except DeliveryTerms.DoesNotExist:
        return None


def best_rule(rules, district_id, commune_id):
    """The most specific of `rules` matching the place, or None."""
    matching = [rule for rule in rules if rule.matches(district_id, commune_id)]
    return max(matching, key=lambda rule: rule.specificity, default=None)


def quote(lines, *, fulfilment=Fulfilment.DELIVERY, district_id=None, commune_id=None, address_known=True):
    """The parts of `lines` (anything with .product and .quantity, or (product, quantity)
    pairs) with their fees and times, in producer name order.

    `address_known=False` (the cart, before any address was chosen): a producer with fees
    that differ by place gets its lowest, marked `depends_on_address`.
    """
    grouped = defaultdict(list)
    producers = {}
    for line in lines:
        product, quantity = (line.product, line.quantity) if hasattr(line, "product") else line
        grouped[product.producer_id].append(line)
        producers[product.producer_id] = product.producer
    parts = []
    for producer_id, producer_lines in grouped.items():
        subtotal = sum(
            (line.product.price * line.quantity) if hasattr(line, "product") else line[0].price * line[1]
            for line in producer_lines
        )
        parts.append(PartQuote(producer=producers[producer_id], lines=producer_lines, subtotal=subtotal))
    parts.sort(key=lambda part: (part.producer.name, part.producer.pk))
    if fulfilment == Fulfilment.PICKUP:
        for part in parts:
            part.pickup, part.fee = True, 0
        return Quote(parts)

    rules = defaultdict(list)
    for rule in DeliveryRule.objects.for_producers(grouped):
        rules[rule.producer_id].append(rule)
    for part in parts:
        producer_id = part.producer.pk
        terms = terms_of(part.producer)
        if terms is not None:
            part.days_min, part.days_max = terms.days_min, terms.days_max
        if address_known:
            part.rule = best_rule(rules[producer_id], district_id, commune_id)
            part.fee = part.rule.fee_for(part.subtotal) if part.rule else None
        elif rules[producer_id]:
            fees = {rule.fee_for(part.subtotal): rule for rule in rules[producer_id]}
            part.fee = min(fees)
            part.rule = fees[part.fee]
            part.depends_on_address = len(fees) > 1
    return Quote(parts)


def fees_in(signature):
    """The sum of the fees in a Quote.signature (what the page showed); malformed parts count 0."""
    total = 0
    for item in str(signature or "").split(","):
        _producer, _, fee = item.partition(":")
        if fee.isascii() and fee.isdigit() and len(fee) <= 12:
            total += int(fee)
    return total


def place_ids(data):
    """The district and commune ids in raw form data (a draft, a POST), leniently: a value
    that is not a small number counts as none (the form itself reports it)."""

    def small_int(value):
        value = str(value or "")
        return int(value) if value.isascii() and value.isdigit() and len(value) <= 9 else None

    return small_int(data.get("delivery_district")), small_int(data.get("delivery_commune"))
