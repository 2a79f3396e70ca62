"""Submitting an admin change form as a browser would: what is on the page, with changes."""

from html.parser import HTMLParser


class FormFields(HTMLParser):
    """What a browser submits for the admin's change form: the named inputs, the selected
    options of each select (none when the select has no selected option) and textareas."""

    def __init__(self):
        super().__init__()
        self.data = []
        self._select = None
        self._textarea = None
        self._in_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id", "").endswith("_form"):
            self._in_form = True
        if not self._in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button", "file", "image"}:
            if attrs.get("type") in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data.append((name, ""))

    def handle_data(self, data):
        if self._textarea:
            name, value = self.data[-1]
            self.data[-1] = (name, value + data)

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._in_form = False


def submit_as_a_browser(client, url, **changes):
    page = client.get(url)
    assert page.status_code == 200
    parser = FormFields()
    parser.feed(page.content.decode())
    data = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value)
    data.update({name: [value] for name, value in changes.items()})
    data["_save"] = ["Save"]
    return client.post(url, data)
