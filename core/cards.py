"""What the inclusion tags that show one app's cards on another app's page give their template
(``includes/card_section.html``)."""


def card_section(
    items,
    *,
    card_template: str,
    heading: str,
    section_id: str,
    empty: str = "",
    list_class: str = "card-grid",
    more_url: str = "",
    more_text: str = "",
) -> dict:
    """Without ``empty`` text, a section with no items is not shown at all."""
    return {
        "items": items,
        "card_template": card_template,
        "heading": heading,
        "section_id": section_id,
        "empty": empty,
        "list_class": list_class,
        "more_url": more_url,
        "more_text": more_text,
    }
