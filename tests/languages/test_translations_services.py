"""Writing translations: a member's (with every state kept as a revision), an engine's (never over
what a person wrote), and what is refused with nothing saved."""

import pytest
from django.core.exceptions import ValidationError

from languages.enums import TranslationOrigin
from languages.models import Translation, TranslationRevision, text_digest
from languages.selectors import attach_translations, translation_history
from languages.services import save_machine_translation, save_translation
from languages.signals import translation_saved
from projects.models import Project


def translated_text(obj, field: str, language: str) -> str:
    """What a reader of ``language`` reads in ``obj``'s ``field``."""
    return str(attach_translations([obj], language)[0].shown.field(field))


SWEDISH = {
    "title": "Place de la Grille i omställning",
    "summary": "Ett torg som gjorts om med sina användare, en sommar i taget.",
}


def rows() -> tuple[int, int]:
    return Translation.objects.count(), TranslationRevision.objects.count()


def translation(project, field: str, language: str = "sv") -> Translation:
    return Translation.objects.get(object_id=project.pk, field=field, language=language)


def machine(project, **texts) -> list[Translation]:
    return save_machine_translation(
        obj=project, language="sv", texts=texts, engine="libretranslate", engine_version="1"
    )


def change_original(project, **fields) -> Project:
    Project.objects.filter(pk=project.pk).update(**fields)
    return Project.objects.get(pk=project.pk)


# --- A member's translation ---------------------------------------------------------------------


def test_save_translation_creates_a_human_translation_per_field_with_its_revision(
    french_project, translator
):
    saved = save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)

    assert [item.field for item in saved] == ["title", "summary"]
    title = translation(french_project, "title")
    assert (title.text, title.language, title.source_language) == (SWEDISH["title"], "sv", "fr")
    assert (title.origin, title.translated_by, title.engine, title.engine_version) == (
        TranslationOrigin.HUMAN,
        translator,
        "",
        "",
    )
    assert (title.reviewed_by, title.reviewed_at) == (None, None)
    assert title.source_digest == text_digest(french_project.title)
    assert title.target == french_project
    (revision,) = title.revisions.all()
    assert (revision.text, revision.origin, revision.translated_by, revision.saved_by) == (
        SWEDISH["title"],
        TranslationOrigin.HUMAN,
        translator,
        translator,
    )
    assert revision.source_digest == title.source_digest
    assert rows() == (2, 2)
    # The original is never touched.
    french_project.refresh_from_db()
    assert french_project.title == "Place de la Grille en transition"


def test_save_translation_strips_the_texts_and_skips_empty_fields(french_project, translator):
    save_translation(
        obj=french_project,
        language="sv",
        texts={"title": "  Torget  \n", "summary": "   ", "description": ""},
        by=translator,
    )

    assert list(Translation.objects.values_list("field", "text")) == [("title", "Torget")]


def test_correction_by_the_translator_appends_a_revision_and_loses_nothing(
    french_project, translator
):
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)

    saved = save_translation(
        obj=french_project,
        language="sv",
        texts={**SWEDISH, "summary": "Ett torg som gjorts om tillsammans med användarna."},
        by=translator,
    )

    # Only the changed field is saved again.
    assert [item.field for item in saved] == ["summary"]
    summary = translation(french_project, "summary")
    assert summary.text == "Ett torg som gjorts om tillsammans med användarna."
    # Their own correction: no reviewer.
    assert (summary.translated_by, summary.reviewed_by) == (translator, None)
    assert [revision.text for revision in summary.revisions.all()] == [
        "Ett torg som gjorts om tillsammans med användarna.",
        SWEDISH["summary"],
    ]
    assert translation(french_project, "title").revisions.count() == 1
    assert rows() == (2, 3)


def test_correction_by_another_member_records_them_as_reviewer(
    french_project, translator, second_translator
):
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)

    save_translation(
        obj=french_project,
        language="sv",
        texts={"title": "Place de la Grille under omvandling"},
        by=second_translator,
    )

    title = translation(french_project, "title")
    assert title.text == "Place de la Grille under omvandling"
    assert (title.origin, title.translated_by, title.reviewed_by) == (
        TranslationOrigin.HUMAN,
        translator,
        second_translator,
    )
    assert title.reviewed_at is not None
    newest, first = title.revisions.all()
    assert (newest.saved_by, newest.reviewed_by, newest.translated_by) == (
        second_translator,
        second_translator,
        translator,
    )
    assert (first.saved_by, first.reviewed_by, first.text) == (translator, None, SWEDISH["title"])
    # Her correction left the summary as Sofia wrote it.
    assert translation(french_project, "summary").reviewed_by is None
    assert "Reviewed by Elin Umea." in title.provenance()


def test_correcting_a_machine_translation_makes_it_reviewed(french_project, translator):
    machine(french_project, title="PLACE DE LA GRILLE EN TRANSITION", summary="UNE PLACE")

    save_translation(
        obj=french_project,
        language="sv",
        texts={"title": "Place de la Grille i omställning", "summary": "UNE PLACE"},
        by=translator,
    )

    title = translation(french_project, "title")
    assert (title.origin, title.engine, title.reviewed_by) == (
        TranslationOrigin.MACHINE,
        "libretranslate",
        translator,
    )
    assert title.is_reviewed
    assert title.provenance().endswith("Reviewed by Sofia Gothenburg.")
    # The summary was left unchanged and not confirmed: still the engine's, unreviewed.
    summary = translation(french_project, "summary")
    assert (summary.reviewed_by, summary.is_reviewed) == (None, False)
    assert summary.provenance().endswith("Not reviewed by a person yet.")
    assert [revision.origin for revision in title.revisions.all()] == ["machine", "machine"]
    assert [revision.reviewed_by for revision in title.revisions.all()] == [translator, None]


def test_confirming_a_machine_translation_unchanged_marks_it_reviewed(french_project, translator):
    machine(french_project, title="PLACE DE LA GRILLE EN TRANSITION")

    unconfirmed = save_translation(
        obj=french_project,
        language="sv",
        texts={"title": "PLACE DE LA GRILLE EN TRANSITION"},
        by=translator,
    )
    assert unconfirmed == []
    assert translation(french_project, "title").reviewed_by is None

    saved = save_translation(
        obj=french_project,
        language="sv",
        texts={"title": "PLACE DE LA GRILLE EN TRANSITION"},
        by=translator,
        confirmed={"title"},
    )

    assert [item.field for item in saved] == ["title"]
    title = translation(french_project, "title")
    assert (title.text, title.reviewed_by, title.engine) == (
        "PLACE DE LA GRILLE EN TRANSITION",
        translator,
        "libretranslate",
    )
    assert title.revisions.count() == 2


# --- Out of date ---------------------------------------------------------------------------------


def test_translation_is_out_of_date_once_the_original_changes(french_project, translator):
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)
    (shown,) = attach_translations([french_project], "sv")
    assert shown.shown.out_of_date is False

    changed = change_original(french_project, summary="Une place réaménagée pour trois étés.")

    assert translation(changed, "summary").is_out_of_date(changed.summary)
    assert not translation(changed, "title").is_out_of_date(changed.title)
    (shown,) = attach_translations([changed], "sv")
    assert shown.shown.out_of_date is True
    assert shown.shown.summary.out_of_date is True
    assert shown.shown.title.out_of_date is False
    # Spaces and line endings are not a change.
    assert not translation(changed, "title").is_out_of_date(f"  {changed.title}\r\n")


def test_updating_an_out_of_date_translation_makes_it_current(french_project, translator):
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)
    changed = change_original(french_project, summary="Une place réaménagée pour trois étés.")

    save_translation(
        obj=changed,
        language="sv",
        texts={"summary": "Ett torg som gjorts om under tre somrar."},
        by=translator,
    )

    summary = translation(changed, "summary")
    assert summary.source_digest == text_digest("Une place réaménagée pour trois étés.")
    assert not summary.is_out_of_date(changed.summary)


def test_confirming_an_out_of_date_translation_makes_it_current(french_project, translator):
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)
    changed = change_original(french_project, summary=f"{french_project.summary} (2025)")

    saved = save_translation(
        obj=changed,
        language="sv",
        texts={"summary": SWEDISH["summary"]},
        by=translator,
        confirmed={"summary"},
    )

    assert [item.field for item in saved] == ["summary"]
    summary = translation(changed, "summary")
    assert summary.text == SWEDISH["summary"]
    assert not summary.is_out_of_date(changed.summary)
    assert summary.revisions.count() == 2


# --- An engine's translation --------------------------------------------------------------------


def test_machine_translation_fills_untranslated_fields_only(french_project, translator):
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)

    saved = machine(
        french_project,
        title="PLACE DE LA GRILLE EN TRANSITION",
        summary="UNE PLACE",
        description="LE PLU RÉVISÉ",
    )

    assert [item.field for item in saved] == ["description"]
    assert translation(french_project, "title").text == SWEDISH["title"]
    assert translation(french_project, "title").origin == TranslationOrigin.HUMAN
    description = translation(french_project, "description")
    assert (description.origin, description.engine, description.engine_version) == (
        TranslationOrigin.MACHINE,
        "libretranslate",
        "1",
    )
    assert description.translated_by is None
    assert description.revisions.get().saved_by is None


def test_machine_translation_keeps_an_out_of_date_human_translation(french_project, translator):
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)
    changed = change_original(french_project, title="Place de la Grille, acte II")

    assert machine(changed, title="PLACE DE LA GRILLE, ACTE II") == []
    assert translation(changed, "title").text == SWEDISH["title"]


def test_machine_translation_never_replaces_a_reviewed_one(french_project, translator):
    machine(french_project, title="PLACE DE LA GRILLE")
    save_translation(
        obj=french_project,
        language="sv",
        texts={"title": "PLACE DE LA GRILLE"},
        by=translator,
        confirmed={"title"},
    )

    assert machine(french_project, title="PLACE DE LA GRILLE, ENCORE") == []
    assert translation(french_project, "title").text == "PLACE DE LA GRILLE"


def test_machine_translation_replaces_unreviewed_machine_text_keeping_the_old(french_project):
    machine(french_project, title="PLACE DE LA GRILLE")

    saved = save_machine_translation(
        obj=french_project,
        language="sv",
        texts={"title": "PLACE DE LA GRILLE EN TRANSITION"},
        engine="deepl",
        engine_version="v2",
    )

    assert [item.field for item in saved] == ["title"]
    title = translation(french_project, "title")
    assert (title.text, title.engine, title.engine_version) == (
        "PLACE DE LA GRILLE EN TRANSITION",
        "deepl",
        "v2",
    )
    assert [(r.text, r.engine) for r in title.revisions.all()] == [
        ("PLACE DE LA GRILLE EN TRANSITION", "deepl"),
        ("PLACE DE LA GRILLE", "libretranslate"),
    ]
    assert rows() == (1, 2)


def test_machine_translation_of_an_original_changed_meanwhile_is_out_of_date(french_project):
    sent = text_digest(french_project.title)
    changed = change_original(french_project, title="Place de la Grille, acte II")

    save_machine_translation(
        obj=changed,
        language="sv",
        texts={"title": "PLACE DE LA GRILLE EN TRANSITION"},
        engine="libretranslate",
        digests={"title": sent},
    )

    assert translation(changed, "title").is_out_of_date(changed.title)


def test_machine_translation_needs_an_engine(french_project):
    with pytest.raises(ValueError, match="engine"):
        save_machine_translation(
            obj=french_project, language="sv", texts={"title": "TORGET"}, engine=""
        )

    assert rows() == (0, 0)


# --- Refused, with nothing saved -----------------------------------------------------------------


def test_translation_into_the_original_language_is_refused(french_project, translator):
    with pytest.raises(ValidationError) as error:
        save_translation(obj=french_project, language="fr", texts=SWEDISH, by=translator)

    assert error.value.error_list[0].code == "same_language"
    assert error.value.messages == [
        "This is the language of the original: a translation goes into another one."
    ]
    assert rows() == (0, 0)


def test_machine_translation_into_the_original_language_is_refused(french_project):
    with pytest.raises(ValidationError) as error:
        save_machine_translation(
            obj=french_project, language="fr", texts={"title": "X"}, engine="libretranslate"
        )

    assert error.value.error_list[0].code == "same_language"
    assert rows() == (0, 0)


def test_translation_into_an_unknown_language_is_refused(french_project, translator):
    with pytest.raises(ValidationError) as error:
        save_translation(obj=french_project, language="de", texts=SWEDISH, by=translator)

    assert error.value.error_list[0].code == "language"
    assert rows() == (0, 0)


def test_translation_of_an_unknown_field_is_refused(french_project, translator):
    with pytest.raises(ValidationError) as error:
        save_translation(
            obj=french_project,
            language="sv",
            texts={**SWEDISH, "lead_organisation": "Staden", "slug": "torget"},
            by=translator,
        )

    assert error.value.error_list[0].code == "unknown_field"
    assert error.value.messages == ["These fields cannot be translated: lead_organisation, slug."]
    assert rows() == (0, 0)


@pytest.mark.parametrize("title", ["", "   \n "])
def test_first_translation_without_its_title_is_refused(french_project, translator, title):
    with pytest.raises(ValidationError) as error:
        save_translation(
            obj=french_project,
            language="sv",
            texts={"title": title, "summary": SWEDISH["summary"]},
            by=translator,
        )

    assert error.value.message_dict == {"title": ["The translation needs its title."]}
    assert rows() == (0, 0)


def test_first_translation_leaving_out_the_title_is_refused(french_project, translator):
    with pytest.raises(ValidationError) as error:
        save_translation(
            obj=french_project, language="sv", texts={"summary": "Ett torg."}, by=translator
        )

    assert list(error.value.message_dict) == ["title"]
    assert rows() == (0, 0)


def test_emptying_a_translated_title_is_refused(french_project, translator):
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)

    with pytest.raises(ValidationError):
        save_translation(
            obj=french_project,
            language="sv",
            texts={"title": "", "summary": "Ett annat torg."},
            by=translator,
        )

    assert rows() == (2, 2)
    assert translation(french_project, "summary").text == SWEDISH["summary"]


def test_later_translation_may_leave_out_the_translated_title(french_project, translator):
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)

    saved = save_translation(
        obj=french_project,
        language="sv",
        texts={"approach": "Verkstäder varje lördag."},
        by=translator,
    )

    assert [item.field for item in saved] == ["approach"]


# --- Edit conflicts ------------------------------------------------------------------------------


def test_save_over_a_correction_made_meanwhile_is_refused(
    french_project, translator, second_translator
):
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)
    # Elin opens the editor on Sofia's translation…
    bases = {name: text_digest(text) for name, text in SWEDISH.items()}
    # …while Sofia corrects the summary.
    save_translation(
        obj=french_project, language="sv", texts={"summary": "Sofias rättelse."}, by=translator
    )
    before = rows()

    with pytest.raises(ValidationError) as error:
        save_translation(
            obj=french_project,
            language="sv",
            texts={"title": "Elins titel", "summary": "Elins sammanfattning."},
            by=second_translator,
            bases=bases,
        )

    assert list(error.value.message_dict) == ["summary"]
    assert error.value.error_dict["summary"][0].code == "edit_conflict"
    # Nothing of Elin's save is kept, not even the title nobody else changed.
    assert rows() == before
    assert translation(french_project, "title").text == SWEDISH["title"]
    assert translation(french_project, "summary").text == "Sofias rättelse."


def test_save_over_a_translation_created_meanwhile_is_refused(
    french_project, translator, second_translator
):
    # Both opened the editor on an untranslated project (no bases); Sofia saved first.
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)

    with pytest.raises(ValidationError) as error:
        save_translation(
            obj=french_project,
            language="sv",
            texts={"title": "Elins titel", "summary": SWEDISH["summary"]},
            by=second_translator,
            bases={"title": "", "summary": ""},
        )

    # The summary she wrote is what is there now: no conflict on it.
    assert list(error.value.message_dict) == ["title"]
    assert rows() == (2, 2)


def test_save_from_the_current_translation_is_accepted(
    french_project, translator, second_translator
):
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)

    saved = save_translation(
        obj=french_project,
        language="sv",
        texts={**SWEDISH, "title": "Elins titel"},
        by=second_translator,
        bases={name: text_digest(text) for name, text in SWEDISH.items()},
    )

    assert [item.field for item in saved] == ["title"]


# --- The signal and the reads --------------------------------------------------------------------


@pytest.fixture
def signals():
    sent = []

    def receiver(sender, **kwargs):
        sent.append((sender, kwargs["instance"], kwargs["language"], kwargs["fields"]))

    translation_saved.connect(receiver, weak=False)
    yield sent
    translation_saved.disconnect(receiver)


def test_translation_saved_is_signalled_with_the_fields(french_project, translator, signals):
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)  # unchanged
    machine(french_project, description="LE PLU")

    assert signals == [
        (Project, french_project, "sv", ["title", "summary"]),
        (Project, french_project, "sv", ["description"]),
    ]


def test_refused_translation_sends_no_signal(french_project, translator, signals):
    with pytest.raises(ValidationError):
        save_translation(obj=french_project, language="fr", texts=SWEDISH, by=translator)

    assert signals == []


def test_translated_text_and_history(french_project, translator, second_translator):
    save_translation(obj=french_project, language="sv", texts=SWEDISH, by=translator)
    save_translation(
        obj=french_project, language="sv", texts={"title": "Elins titel"}, by=second_translator
    )

    assert translated_text(french_project, "title", "sv") == "Elins titel"
    assert translated_text(french_project, "title", "en") == french_project.title
    assert translated_text(french_project, "title", "fr") == french_project.title
    history = translation_history(french_project)
    # Newest first; the two fields of one save in the order they were saved, last first.
    assert [(change.revision.translation.field, change.revision.text) for change in history] == [
        ("title", "Elins titel"),
        ("summary", SWEDISH["summary"]),
        ("title", SWEDISH["title"]),
    ]
