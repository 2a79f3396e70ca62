import uuid

import pytest


@pytest.fixture(autouse=True)
def _own_open_data_files(settings):
    """Each test writes its bulk files in a folder of its own: the media folder outlives a
    test, and a set made by another test could look current (made moments ago)."""
    settings.OPENDATA_STORAGE_PREFIX = f"open-data-test-{uuid.uuid4().hex}"
