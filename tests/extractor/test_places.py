"""The event's place (our own texts): ambiguous names read in the report's state, street and site
names and people's names are not places."""

from __future__ import annotations

import pytest

from eventdesk import extract


def _place(text: str, title: str | None = None) -> tuple[str | None, str | None]:
    main = next(e for e in extract(text, published="2024-05-06", title=title) if e.role == "main")
    loc = main.location
    for ev in loc.evidence:
        source = title if ev.field == "title" else text
        assert source is not None and source[ev.start : ev.end] == ev.text
    return loc.name, loc.admin1


def test_places_ambiguous_town_read_in_the_reports_state() -> None:
    text = (
        "ROSWELL, N.M. - A man was shot and killed Sunday night in Roswell, police said. "
        "The Roswell Police Department asked witnesses to call."
    )
    assert _place(text) == ("Roswell", "New Mexico")


def test_places_state_named_in_the_text_decides_a_bare_town_name() -> None:
    text = (
        "Two people were shot and wounded Saturday in Danville, Virginia state police said. "
        "Officers in Danville found the victims outside a house on White Street."
    )
    assert _place(text)[1] == "Virginia"


@pytest.mark.parametrize(
    "text",
    [
        "A 16-year-old boy was shot and killed Friday in the 4800 block of South Throop in Chicago.",
        "A 16-year-old boy was shot and killed Friday at the Hawthorne Heights Apartments in Chicago.",
        "A 16-year-old boy was shot and killed Friday in Chicago. Tyler Presley, his cousin, was not hurt.",
    ],
)
def test_places_streets_sites_and_people_are_not_places(text: str) -> None:
    assert _place(text) == ("Chicago", "Illinois")


def test_places_name_inside_a_longer_proper_name_is_not_that_place() -> None:
    text = "Six people were shot Friday night in Jamaica Plain, a Boston neighborhood, police said."
    assert _place(text)[0] != "Jamaica"


def test_places_dateline_under_a_header_is_only_a_fallback() -> None:
    text = (
        "Coalition Joint Command - Afghanistan\n2011-09-S-012\n\nKABUL, Afghanistan (Sep. 8, 2011)\n"
        "In Arghandab district, Kandahar province, a combined security force detained two suspected insurgents."
    )
    assert _place(text)[1] == "Kandahar"


def test_places_outlet_name_in_the_title_is_only_a_fallback() -> None:
    text = "A man was shot and wounded Sunday night in Spokane, police said."
    assert _place(text, title="Man wounded in shooting - KXLY Seattle")[0] == "Spokane"


@pytest.mark.parametrize(
    "text",
    [
        "A boy was shot and killed Wednesday near his home in the Roseland neighborhood of Chicago, police said.",
        "A Springfield, Massachusetts native was shot and killed Wednesday in Chicago, police said.",
        "The gunman fatally shot Hale, 31, at a home in Chicago on Wednesday, police said.",
    ],
)
def test_places_neighbourhoods_home_towns_and_people_with_ages(text: str) -> None:
    assert _place(text) == ("Chicago", "Illinois")


def test_places_the_hospital_town_is_not_the_place() -> None:
    text = (
        "Zanesville police say a 14-year-old was accidentally shot Wednesday at a home on Imlay Avenue. "
        "The boy was taken to Nationwide Children's Hospital in Columbus with a leg wound."
    )
    assert _place(text)[0] == "Zanesville"


def test_places_a_surname_of_someone_named_is_not_a_place() -> None:
    text = (
        "Marion police said a 7-year-old boy was shot and killed Sunday. His mother, Judith Huntley, "
        "said Huntley was told at the hospital that her son would not survive."
    )
    assert _place(text)[0] != "Huntley"


def test_places_american_police_words_make_a_bare_town_american() -> None:
    text = (
        "A man was shot and killed Saturday night in Taunton. The Taunton Police Department said "
        "officers found him in the 200 block of Main Street."
    )
    assert _place(text)[0] == "Taunton"
    main = next(e for e in extract(text, published="2024-05-06") if e.role == "main")
    assert main.location.country == "United States"


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        # a street corner and a business named like towns
        ("Indianapolis police said a man was shot and killed near Lynn and Michigan streets on Sunday.", None,
         "Indianapolis"),
        ("INDIANAPOLIS (July 3, 2015) - One man has died. Officers of the Indianapolis Metropolitan Police "
         "Department responded to a call of a person shot near Lynn and Michigan streets.", None, "Indianapolis"),
        ("Bowling Green police said a man was shot in the parking lot of the Puerto Vallarta on Scottsville Road.",
         None, "Bowling Green"),
        # a small town in the headline after "in"; a neighbourhood the text names as one is not a town
        ("Sign in to read this story. Already have an account?", "Juvenile shot in arm in Duquesne", "Duquesne"),
        ("Two teenage boys were shot Friday evening in the Roseland neighborhood, according to Chicago police.",
         "2 teenage boys shot in Roseland", "Chicago"),
    ],
)
def test_places_corners_businesses_and_headline_towns(text: str, title: str | None, expected: str) -> None:
    assert _place(text, title)[0] == expected


def test_places_a_neighbourhood_is_the_district_of_the_town_named_beside_it() -> None:
    text = (
        "A man was shot and killed in Brighton Park on Sunday, Chicago police said. Brighton Park "
        "residents gathered near the scene; the Brighton Park neighborhood has seen three shootings this month."
    )
    main = next(e for e in extract(text, published="2024-05-06") if e.role == "main")
    assert main.location.name == "Chicago" and main.location.district == "Brighton Park"
    assert any(ev.text == "Brighton Park" and text[ev.start : ev.end] == ev.text for ev in main.location.evidence)
    alone = "A man was shot in Nicoma Park on Sunday. The Nicoma Park community is shaken."
    only = next(e for e in extract(alone, published="2024-05-06") if e.role == "main")
    assert only.location.name == "Nicoma Park" and only.location.district is None
    some = "A man was shot in a Phoenix neighborhood on Sunday, Mesa police said."
    assert next(e for e in extract(some, published="2024-05-06") if e.role == "main").location.district is None


def test_places_an_entity_with_its_article_is_a_part_of_town() -> None:
    text = "San Antonio police said two children were hit by gunfire on the East Side on Thursday."
    assert _place(text)[0] == "San Antonio"


def test_places_a_state_that_is_also_a_country() -> None:
    text = "A man was shot and killed Sunday in Greenville, Georgia, the Meriwether County Sheriff's Office said."
    assert _place(text) == ("Greenville", "Georgia")


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("Three people were found suffering from gunshot wounds in the 400 block of East Patapsco Avenue "
         "in Brooklyn, police said.", "Baltimore police investigate triple shooting in Brooklyn", "Baltimore"),
        ("Seattle police are examining video of the drive-by shooting that injured five on Capitol Hill early "
         "Sunday.", None, "Seattle"),
        ("San Antonio police said two children were hit by gunfire at a home on the East Side on Thursday.",
         None, "San Antonio"),
    ],
)
def test_places_a_citys_police_and_its_neighbourhoods(text: str, title: str | None, expected: str) -> None:
    assert _place(text, title)[0] == expected


def test_places_a_far_town_with_its_own_state_is_kept_despite_the_police() -> None:
    text = "Chicago police helped detectives after a man was shot and killed in Gary, Indiana, on Sunday."
    assert _place(text) == ("Gary", "Indiana")


def test_places_a_headline_county_is_not_its_first_word() -> None:
    text = "Sign in to read this story. Already have an account?"
    assert _place(text, "Man shot dead in Orange County, Fla., deputies say")[0] != "Orange"


def test_places_a_local_outlets_state_reads_an_ambiguous_county() -> None:
    text = "Deputies said a man was shot and killed Sunday in Walker County. The sheriff asked witnesses to call."
    title = "Man killed in Walker County shooting - WBRC FOX6 News Birmingham"
    assert _place(text, title) == ("Walker County", "Alabama")


def test_places_where_a_named_person_lives_is_not_the_place() -> None:
    text = (
        "A woman was fatally shot in a hunting accident in Caledonia on Saturday, deputies said. "
        "The shooter was identified as Michael Reynolds of Rochester."
    )
    assert _place(text)[0] == "Caledonia"


def test_places_an_outlets_town_and_postal_code_read_an_ambiguous_town() -> None:
    text = "A man was shot and killed Friday night outside a bar in Rochester, police said. No arrests were made."
    assert _place(text, "Man killed outside bar - KXYZ - Fox 9 Rochester MN News, Weather")[1] == "Minnesota"
    assert _place(text, "Man killed outside bar - Channel 9 News")[1] == "New York"


def test_places_a_street_named_for_a_state_is_no_vote_for_it() -> None:
    text = ("A woman was shot and killed Thursday in the 1500 block of Maryland Drive in Columbus, police said. "
            "Officers found her in the driveway.")
    assert _place(text, "Woman killed on Maryland Drive - WXYZ.com-Columbus, GA News") == ("Columbus", "Georgia")


def test_places_the_datelines_town_beats_the_state_it_lies_in() -> None:
    text = (
        "NEW STANTON, Pa. (AP) - A 15-year-old boy is accused of shooting his father as he slept, "
        "Pennsylvania state police said Thursday."
    )
    assert _place(text) == ("New Stanton", "Pennsylvania")


def test_places_a_county_after_a_town_gives_its_state() -> None:
    text = "A boy, 12, died of a gunshot wound on Monday in Salem Township, Wyandot County, deputies said."
    assert _place(text)[1] == "Ohio"


def test_places_where_the_reporting_station_is_is_not_the_place() -> None:
    text = (
        "Three workers were shot dead at a trucking yard on Tuesday, reports CBS affiliate WTEV in "
        "Jacksonville. The gunman was a former employee."
    )
    assert _place(text, title="Motive a mystery in Lake Butler, Fla., shooting spree") == ("Lake Butler", "Florida")


def test_places_a_title_case_headline_town_before_a_noun() -> None:
    text = "The girl found her father's pistol in a bedroom and shot herself in the leg, police said."
    assert _place(text, title="3-Year-Old Yarmouth Girl Accidentally Shoots Herself With Father's Gun") == (
        "Yarmouth", "Massachusetts")


def test_places_a_citys_police_known_by_its_acronym() -> None:
    text = "IMPD officers said a 13-year-old boy arrived at a hospital with a gunshot wound to his leg on Thursday."
    assert _place(text) == ("Indianapolis", "Indiana")


def test_places_a_school_named_after_its_town_is_a_last_resort() -> None:
    text = "Shots were fired in the parking lot of Grand Junction High School on Friday. A student was killed."
    assert _place(text, title="Colorado High School Shooting: Student Dies In Parking Lot") == (
        "Grand Junction", "Colorado")


def test_places_a_railway_station_in_a_town_is_still_a_place() -> None:
    text = "Twelve people were killed in a stampede at the railway station in Allahabad on Sunday, police said."
    assert _place(text)[0] in ("Allahabad", "Prayagraj")


def test_places_a_county_after_a_town_picks_its_state() -> None:
    # Brooklyn is a borough of New York City first; "in Morgan County" and the state named say Indiana
    text = ("Indiana conservation officers are investigating a shooting Friday night near the town of "
            "Brooklyn in Morgan County. A 15-year-old boy was wounded.")
    assert _place(text) == ("Brooklyn", "Indiana")


def test_places_a_town_too_small_to_list_is_placed_in_its_county() -> None:
    text = ("Deputies say a man killed one person and wounded two others Friday night at a trailer park in "
            "Weir, a small town in central Williamson County. He was arrested later in Caldwell County.")
    assert _place(text) == ("Williamson County", "Texas")


def test_places_a_town_then_georgia_is_the_state_when_the_country_has_no_such_town() -> None:
    def country(text: str) -> tuple[str | None, str | None]:
        main = next(e for e in extract(text, published="2024-05-06") if e.role == "main")
        return main.location.name, main.location.country

    # Carlton is too small to be listed; the US state of Georgia, not the country
    assert country("Dale Ruppert of Carlton, Georgia, was shot and killed Thursday at a boat ramp, deputies said.") == (
        "Georgia", "United States")
    assert country("A bomb killed four people on Monday in Kutaisi, Georgia, officials said.") == ("Kutaisi", "Georgia")


def test_places_a_headline_opening_on_its_town_is_a_last_resort() -> None:
    body = "The man was shot in the leg while hunting on Saturday afternoon and was taken to a hospital."
    assert _place(body, title="Orangeburg man shot while hunting")[0] == "Orangeburg"
    # a common word opening a headline is no town
    assert _place(body, title="Young man shot while hunting")[0] is None
    # the town the headline places the shooting in beats the victim's home town
    assert _place(body, title="Beaver teenager killed in Aliquippa shooting")[0] == "Aliquippa"
