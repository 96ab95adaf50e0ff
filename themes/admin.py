from django.contrib import admin

from .models import SustainableDevelopmentGoal, Theme


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name_en", "kind", "year_start", "year_end", "position"]
    list_filter = ["kind"]
    search_fields = ["name_en", "name_fr", "name_sv", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(SustainableDevelopmentGoal)
class SustainableDevelopmentGoalAdmin(admin.ModelAdmin):
    list_display = ["number", "name_en", "colour"]
    search_fields = ["name_en", "name_fr", "name_sv"]
