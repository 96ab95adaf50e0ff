"""Beside a file input: the file chosen on an earlier try of the form and kept since, offered
again with a way to drop it (projects.pending keeps them; a form says what it kept in
``form.kept_uploads``, by field name)."""

from django import template

from core.forms import KEEP_UPLOAD_PREFIX

register = template.Library()


@register.inclusion_tag("includes/kept_upload.html")
def kept_upload(field):
    upload = getattr(field.form, "kept_uploads", {}).get(field.name)
    return {
        "upload": upload,
        "input_name": f"{KEEP_UPLOAD_PREFIX}{field.html_name}",
        "input_id": f"{field.auto_id}_keep" if field.auto_id else "",
    }
