"""Who may do what with funding calls, interest, partner searches and partner sheets (the
permission table of docs/architecture.md)."""

import rules

from cities.rules import (
    approved_cities,
    is_approved_member,
    is_city_member,
    is_moderator,
    reads_members_content,
)


@rules.predicate
def is_search_city_member(user, search) -> bool:
    return search is not None and is_city_member(user, search.city)


@rules.predicate
def is_member_of_another_city(user, search) -> bool:
    """An approved member of a city other than the one that posted the search."""
    if search is None:
        return False
    return any(city_id != search.city_id for city_id in approved_cities(user))


# Calls are public; only network coordinators and staff record and edit them.
rules.add_perm("funding.view_fundingcall", rules.always_allow)
rules.add_perm("funding.add_fundingcall", is_moderator)
rules.add_perm("funding.change_fundingcall", is_moderator)
rules.add_perm("funding.delete_fundingcall", is_moderator)
# Who is interested and who seeks partners is for the network: members-only.
rules.add_perm("funding.view_partners", reads_members_content)
# The object is the city: a city's interest is set by that city's approved members.
rules.add_perm("funding.set_interest", is_city_member)
# The object is the city the search is posted for: the poster's own.
rules.add_perm("funding.post_partner_search", is_city_member)
rules.add_perm("funding.close_partner_search", is_search_city_member | is_moderator)
rules.add_perm("funding.reply_partner_search", is_approved_member & is_member_of_another_city)
# The object is the city the sheet is about.
rules.add_perm("funding.make_partner_sheet", is_city_member | is_moderator)
