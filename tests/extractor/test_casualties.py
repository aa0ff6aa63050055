from __future__ import annotations

import re

import pytest

from eventdesk.extractor.casualties import combine_claims, find_casualties


def counts(text: str) -> tuple[tuple[int | None, int | None, int | None] | None, ...]:
    killed, injured = combine_claims(text, find_casualties(text, [(0, len(text))]))
    out = []
    for c in (killed, injured):
        if c is None:
            out.append(None)
        else:
            for ev in c.evidence:
                assert text[ev.start : ev.end] == ev.text
            out.append((c.low, c.best, c.high))
    return tuple(out)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Two blasts killed at least 103 people and injured 141 on Wednesday.", (103, 103, None), (141, 141, 141)),
        ("At least 103 were killed and 141 injured.", (103, 103, None), (141, 141, None)),
        ("The death toll rose to 95, officials said.", (95, 95, 95), None),
        ("Three people, including the gunman, were killed.", (3, 3, 3), None),
        ("Three people were shot, one fatally.", (1, 1, 1), (2, 2, 2)),
        ("A man was shot Saturday night and taken to a hospital.", None, (1, 1, 1)),
        ("A 17-year-old boy died after being shot in the chest.", (1, 1, 1), None),
        ("3 killed, 5 wounded in downtown shooting", (3, 3, 3), (5, 5, 5)),
        ("The blast left dozens injured.", None, (24, None, None)),
        ("Two gunmen killed five people at a bar.", (5, 5, 5), None),
        ("THE BOMB KILLED 12 PEOPLE AND WOUNDED 20 OTHERS.", (12, 12, 12), (20, 20, 20)),
        ("More than 1,000 people have been killed in the conflict so far this year.", None, None),
        ("Police said a man was shot and killed and a second man was wounded.", (1, 1, 1), (1, 1, 1)),
    ],
)
def test_casualties_figures(text: str, killed: tuple[int, ...] | None, injured: tuple[int, ...] | None) -> None:
    assert counts(text) == (killed, injured)


def test_casualties_gunman_counted_and_identifiable() -> None:
    text = "Three people, including the gunman, were killed."
    killed, _ = combine_claims(text, find_casualties(text, [(0, len(text))]))
    assert killed is not None and killed.includes_perpetrators == 1


def test_casualties_perpetrator_death_added_to_victims() -> None:
    text = "The gunman killed two people at the store. The gunman was killed by police."
    killed, _ = combine_claims(text, find_casualties(text, [(0, 42), (43, len(text))]))
    assert killed is not None and (killed.best, killed.includes_perpetrators) == (3, 1)


def test_casualties_headline_figure_points_into_the_title() -> None:
    import eventdesk
    from eventdesk.records import evidence_source

    title = "2-year-old boy shot, killed in Riverton"
    text = "Police are investigating. Anyone with information is asked to call the tip line."
    (event,) = eventdesk.extract(text, title=title, published="2024-03-02") or [None]
    assert event is not None and event.killed is not None and event.killed.best == 1
    (ev,) = event.killed.evidence
    assert ev.field == "title" and evidence_source(ev, text, title)[ev.start : ev.end] == ev.text


@pytest.mark.parametrize(
    "text", ["No one was killed or injured in the fire.", "It was a miracle nobody was dead, police said."]
)
def test_casualties_negations_give_no_figure(text: str) -> None:
    assert counts(text) == (None, None)


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # the figure of people hit, less the dead, beats a smaller subtotal of injuries
        ("Four people were shot early Sunday. One is in critical condition and three suffered minor injuries.", 4),
        ("A gunman opened fire outside a bar, striking five people.", 5),
        ("Four people are recovering after a shooting outside a restaurant.", 4),
    ],
)
def test_casualties_people_hit(text: str, injured: int) -> None:
    killed, hurt = combine_claims(text, find_casualties(text, [(0, len(text))]))
    assert killed is None and hurt is not None and hurt.best == injured


@pytest.mark.parametrize(
    "text",
    [
        "He was shot five times in the chest.",
        "The mother of four will be home recovering.",
        "Weapon was a single shot 223, the sheriff said.",
        "4 A child was shot in the leg.",
        "A man in his 20's was shot in the arm.",
    ],
)
def test_casualties_numbers_that_are_not_counts(text: str) -> None:
    killed, hurt = combine_claims(text, find_casualties(text, [(0, len(text))]))
    assert killed is None
    assert hurt is None or hurt.best == 1


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Police arrested two men in the shooting death of Juan Perez, 17.", 1),
        ("A couple was charged in the deadly shooting of a child.", 1),
        ("Her seven-year-old son, Deontae Fisher, was shot and killed Friday.", 1),
        ("Medics told officers that the victim had died.", 1),
        ("The security force fired, killing the individual.", 1),
        ("Afghan forces reacted and killed the insurgent commander.", 1),
        ("He was engaged and killed.", 1),
        ("Police found 17-year-old Dana Nelson with a gunshot wound. Nelson was taken to a hospital where she passed away.", 1),
        ("Eian H. Santos, 3, was pronounced dead at the hospital.", 1),
        ("The bullet killed 51-year-old Anthony Webb.", 1),
        ("Gina Lee succumbed to her injuries on Friday.", 1),
    ],
)
def test_casualties_single_deaths(text: str, killed: int) -> None:
    k, _ = combine_claims(text, find_casualties(text, [(0, len(text))]))
    assert k is not None and k.best == killed
    assert text[k.evidence[0].start : k.evidence[0].end] == k.evidence[0].text


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("An 11-year-old boy has been fatally shot during a hunting trip.", 1, None),
        ("Two people were fatally shot Sunday.", 2, None),
        ("Tom Lee, 13, of 1121 W. Columbus Ave., was reportedly hit by a bullet.", None, None),  # not 1,121
        ("Lee, of the 4400 block of West Adams, was dead at the scene.", None, None),  # not 4,400
        ("Five men were wounded in a shooting, leaving two in critical condition.", None, 5),
        ("The gunman opened fire, leaving two dead.", 2, None),
        ("A MAN IN HIS 20'S PASSED AWAY.", 1, None),  # one man, not 20
        ("Police were called on Monday. Nelson was shot in the arm.", None, None),  # a lone word is no subject
        ("A 3-year-old girl is recovering at Nationwide Children's Hospital.", None, 1),  # a name, not a tally
        ("A man in his late 50s was shot in the arm.", None, 1),
    ],
)
def test_casualties_fatally_and_addresses(text: str, killed: int | None, injured: int | None) -> None:
    k, i = combine_claims(text, find_casualties(text, [(0, len(text))]))
    assert (k.best if k else None, i.best if i else None) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        ("Three people suffered non-life-threatening gunshot wounds in the shooting.", 3),
        ("Two men sustained minor injuries, police said.", 2),
        ("Four victims were transported to the hospital after the shooting on Elm Street.", 4),
        ("Police said 3 people went to area hospitals on their own.", 3),
        ("Two teenagers remain in critical condition after the drive-by.", 2),
    ],
)
def test_casualties_wounds_hospitals_and_conditions_with_a_figure(text: str, injured: int) -> None:
    killed, hurt = combine_claims(text, find_casualties(text, [(0, len(text))]))
    assert killed is None and hurt is not None and hurt.best == injured
    assert all(text[e.start : e.end] == e.text for e in hurt.evidence)


@pytest.mark.parametrize(
    "text",
    [
        # without a figure a hospital trip is often a death ("he was taken to the hospital, where he died")
        "He was taken to the hospital by a relative.",
        "The two were taken to the hospital where they were pronounced dead.",
        "After two surgeries, she's in stable condition.",
    ],
)
def test_casualties_hospital_trips_that_are_not_injury_figures(text: str) -> None:
    _, hurt = combine_claims(text, find_casualties(text, [(0, len(text))]))
    assert hurt is None


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Two children and their father were found dead in a vehicle near a roadside park.", 3),
        ("A 21-year-old man and a 2-year-old boy were killed in the shooting.", 2),
        ("Five adults and an unborn child were killed, the coroner said.", 5),
    ],
)
def test_casualties_one_more_named_after_the_figure(text: str, killed: int) -> None:
    dead, _ = combine_claims(text, find_casualties(text, [(0, len(text))]))
    assert dead is not None and dead.best == killed


def test_casualties_an_incident_months_earlier_is_not_counted() -> None:
    text = "Seven people were injured. The shooting came eight months after a bystander was killed in a gun battle."
    dead, hurt = combine_claims(text, find_casualties(text, [(0, len(text))]))
    assert dead is None and hurt is not None and hurt.best == 7


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        ("A 3-year-old was shot in the head. The two adults in the car were not injured.", 1),
        ("Donald Jocelin, 25 and Tobiasz Cudnik, 32 were all transported to the hospital. Two men were wounded.", 2),
        ("A man shot five people at his home. Seventy people were wounded in gun violence over the holiday weekend.", 5),
        ("Gunfire wounded four people on Elm Street. Eight others were wounded in shootings across the city.", 4),
    ],
)
def test_casualties_negations_ages_and_roundups_are_not_figures(text: str, injured: int) -> None:
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    _, hurt = combine_claims(text, find_casualties(text, sentences))
    assert hurt is not None and hurt.best == injured


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Police say an officer shot and killed his wife, two young children and his mother-in-law.", 4),
        ("He is suspected of fatally shooting his wife and four daughters in their home.", 5),
        ("He is suspected of killing his wife and their four children.", 5),
        ("An infant and two women died after a Sunday shooting.", 3),
        ("3 adults, 1 child found shot to death inside hotel room", 4),
        ("A 21-year-old man and a 21-month-old boy were killed.", 2),
    ],
)
def test_casualties_enumerated_dead_are_summed(text: str, killed: int) -> None:
    dead, _ = combine_claims(text, find_casualties(text, [(0, len(text))]))
    assert dead is not None and dead.best == killed
    assert all(text[e.start : e.end] == e.text for e in dead.evidence)


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        ("Four juveniles -- including two children -- were injured by gunfire.", 4),
        ("Five people, including two police officers, were wounded.", 5),
    ],
)
def test_casualties_an_including_subset_is_not_the_figure(text: str, injured: int) -> None:
    _, hurt = combine_claims(text, find_casualties(text, [(0, len(text))]))
    assert hurt is not None and hurt.best == injured


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # a death told as a figure, and one more person hit who lived
        ("Two people were killed. A neighbour's son was shot in the leg and feet.", 1),
        # "the boy" is more often the victim already counted
        ("An 11-year-old boy died Monday. Police could not confirm the boy was shot in the arm.", None),
        ("A 16-year-old boy died. Another man was shot in the arm, but he is expected to be OK.", 1),
        ("Two men were killed. A woman was shot and is in stable condition.", 1),
        # no sign that the person lived: not counted apart from the dead
        ("Two people were killed. A man was shot in the parking lot.", None),
        ("Two people were killed. A man was shot in the leg and later died at the hospital.", None),
    ],
)
def test_casualties_a_single_person_shot_who_survived_is_injured(text: str, injured: int | None) -> None:
    result = counts(text)
    assert (result[1][1] if result[1] else None) == injured


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a statistic over years is not the incident's toll
        ("Three people were killed Monday. Between January 2010 and August 2013, seven people were killed in "
         "crashes on the road.", 3, None),
        # a comma and "and" start a new clause: the four found are not four dead
        ("Two men were killed Thursday. Officers located four shooting victims, and Flores and Ramirez died at the "
         "scene.", 2, None),
        # a man who shot himself and later died is dead, not injured
        ("An 18-year-old man shot himself in the chest while getting out of a car, and later died at a hospital.",
         1, None),
    ],
)
def test_casualties_statistics_new_clauses_and_later_deaths(text: str, killed: int, injured: int | None) -> None:
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    k, i = combine_claims(text, find_casualties(text, sentences))
    result = [None if c is None else (c.low, c.best, c.high) for c in (k, i)]
    assert (result[0][1] if result[0] else None) == killed
    assert (result[1][1] if result[1] else None) == injured


@pytest.mark.parametrize(
    ("text", "injured", "killed"),
    [
        # two people hit, told in one sentence
        ("A 7-year-old girl was grazed by a bullet, and a man was shot in the leg near Seventh Street.", 2, None),
        ("A man was wounded in the arm and a woman was grazed, police said.", 2, None),
        # a teaser and the story's lead, run together by an ellipsis, are the same person
        ("A teenager was shot to death in a drive-by in Hayward, believed to... A 16-year-old boy was shot to death "
         "Monday night.", None, 1),
    ],
)
def test_casualties_different_people_hit_in_one_sentence_add_up(
    text: str, injured: int | None, killed: int | None
) -> None:
    result = counts(text)
    assert (result[1][1] if result[1] else None) == injured
    assert (result[0][1] if result[0] else None) == killed


def test_casualties_an_injured_figure_including_one_who_died() -> None:
    text = "Three people were injured, including a 17-year-old girl who succumbed to her injuries."
    assert counts(text) == ((1, 1, 1), (2, 2, 2))
    assert counts("Three people were injured, including a 17-year-old girl.") == (None, (3, 3, 3))


def test_casualties_an_age_bound_is_not_a_figure() -> None:
    assert counts("Around 7 p.m., a boy younger than 12 was shot in the complex.")[1] != (12, 12, 12)


def test_casualties_the_same_kind_of_person_twice_in_a_sentence_is_one() -> None:
    text = "An Indianapolis man is dead and a person of interest is in custody after a man died from a gunshot wound."
    assert counts(text)[0] == (1, 1, 1)


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # someone already told of, injured: hit, and the other claims say they died
        ("Tom Reyes, 16, was shot to death Tuesday. Reyes, who lived nearby, suffered gunshot wounds "
         "to the chest.", None),
        ("A 4-year-old girl died Friday. Police said the little girl was injured by a firearm.", None),
        # someone else, or someone alive, stays injured
        ("A man died Friday. His brother was also injured and is recovering.", 1),
        ("A woman was killed Friday. Her son was wounded and is in critical condition.", 1),
        ("A woman was killed Friday. She was found wounded beside her daughter.", 1),
        ("Nobody died. Police said the boy was injured in the shooting.", 1),
    ],
)
def test_casualties_someone_named_who_was_injured_is_not_added_to_the_dead(text: str, injured: int | None) -> None:
    result = counts(text)
    assert (result[1][1] if result[1] else None) == injured


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("A girl shot in a park was identified as Taylor Smith. Police had a hard time identifying Smith, who was "
         "pronounced dead at the hospital.", 1, None),
        ("A teen who was shot Monday died at the hospital.", 1, None),
        ("A man who was shot Monday is in stable condition.", None, None),  # no outcome word read: no guess
    ],
)
def test_casualties_a_relative_clause_between_the_person_and_the_death(
    text: str, killed: int | None, injured: int | None
) -> None:
    k, i = combine_claims(text, find_casualties(text, [(0, len(text))]))
    assert (k.best if k else None, i.best if i else None) == (killed, injured)


def test_casualties_a_multiple_in_the_body_points_at_its_words() -> None:
    text = "Detectives are investigating a double homicide on the East Side."
    k, _ = combine_claims(text, find_casualties(text, [(0, len(text))]))
    assert k is not None and k.best == 2 and k.evidence[0].text == "double homicide"
    assert text[k.evidence[0].start : k.evidence[0].end] == k.evidence[0].text


def test_casualties_a_citys_rate_is_not_a_death() -> None:
    text = "Riverton's killing rate is low. Perez's killing remains unsolved."
    k, _ = combine_claims(text, find_casualties(text, [(0, len(text))]))
    assert k is not None and k.best == 1 and k.evidence[0].text == "Perez's killing"


def _body(text: str) -> tuple[int | None, int | None]:
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+(?:\.|$)", text)]
    k, i = combine_claims(text, find_casualties(text, sentences))
    for c in (k, i):
        for e in c.evidence if c else ():
            assert text[e.start : e.end] == e.text
    return (k.best if k else None, i.best if i else None)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "a year earlier" dates a recalled shooting; it does not make the sentence a statistic
        ("Maria Lopez was killed and two other people were wounded Friday on a street that saw a similar "
         "shooting just over a year earlier.", 1, 2),
        # shot, then pronounced dead, in one clause: one death
        ("Rafael Ortiz was found outside. Ortiz, 31, was shot in the chest and was pronounced dead at the scene.", 1, None),
        # a long apposition and a name like McAllister
        ("Dana McAllister, of the 2200 block of North Harbor Boulevard, was pronounced dead Sunday.", 1, None),
        # "struck and killed", "discovered badly injured"
        ("The 6-year-old victim was struck and killed.", 1, None),
        # the named object of a killing
        ("A gunman opened fire in the lot, killing Andre Whitfield, 22.", 1, None),
        ("Andre Whitfield was a cook. A gunman opened fire, killing Whitfield and wounding a bystander.", 1, 1),
        # the death of someone named, as in a charge
        ("He was charged with murder in the death of Corey Banks.", 1, None),
        # a relative's object: "killed his nephew", "shot his grandfather to death"
        ("Police say the teen killed his nephew at the house.", 1, None),
        ("The man shot his 60-year-old grandfather to death on Tuesday.", 1, None),
    ],
)
def test_casualties_session6_deaths(text: str, killed: int | None, injured: int | None) -> None:
    assert _body(text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a weekday or month after "killed" is no name
        ("A man was killed Saturday near the park.", 1, None),
        # a lone capitalised word only as the surname of someone the report names
        ("Rebels fought for hours, killing Monroe residents' hopes.", None, None),
        # "shot one time" is how often, not how many
        ("Police say the man was shot one time in the leg.", None, 1),
        # ages are not figures; a series of shootings, a violent night, are tallies
        ("Two children - ages 6 and 11 - were taken to the hospital after the shooting.", None, None),
        ("A feud has led to a series of shootings that have left three dead and eight wounded. "
         "A man was shot in the arm on Monday.", None, 1),
        # an outlet's name, a photo caption's count, a call to 911
        ("Friends called 911 and began CPR but the boy died.", 1, None),
        # (and "X and her son were found dead" is two)
        ("Image 2 of 9 Dana Price and her son were found dead in the home.", 2, None),
    ],
)
def test_casualties_session6_not_figures(text: str, killed: int | None, injured: int | None) -> None:
    assert _body(text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a shooter who killed himself after killing others: the victims and the shooter
        ("A 40-year-old man shot his 9-year-old son to death and then killed himself.", 2, None),
        ("Police said the woman shot her husband and then killed herself.", 1, 1),
        # a suicide alone is one death, not two
        ("A man killed himself at the range on Monday.", 1, None),
        # a figure often already counts the shooter: not added to it
        ("Five people were killed before the gunman turned and killed himself, police said.", 5, None),
        # a relative of someone already named who was shot and lived is someone else, injured
        ("Two men were killed. The boy's father, 30-year-old Luis Diaz, was shot in the leg.", 2, 1),
        ("The gunman opened fire on two deputies, killing one and wounding the other.", 1, 1),
    ],
)
def test_casualties_session6_shooters_and_relatives(text: str, killed: int | None, injured: int | None) -> None:
    assert _body(text) == (killed, injured)


def test_casualties_a_headline_figure_run_into_the_body_is_not_a_toll() -> None:
    text = "Teen dies days after shooting that wounded 3 more\n\nA man has died after a shooting last week."
    sentences = [(0, len(text))]  # the splitter kept headline and lead together
    k, _ = combine_claims(text, find_casualties(text, sentences))
    assert k is not None and k.best == 1


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a participle before the people it describes: "two wounded people"
        ("Medics said they took two wounded people to the hospital after the shooting.", None, 2),
        ("The county paper reports the three injured men are cousins from Elm Grove.", None, 3),
        # figures of victims, and victims who went to hospital on their own
        ("Officers said two other gunshot victims arrived at the hospital in a private car.", None, 2),
        ("The two gunshot victims were pronounced dead at the scene.", 2, None),
        ("Four victims were treated and released from Mercy Hospital.", None, 4),
        ("Ray Dunn, 41, of Milltown, had arrived at Milltown General Hospital with a gunshot wound.", None, 1),
        # one wound is someone hit; a fatal one a death
        ("Deputies said a 19-year-old woman suffered a fatal gunshot wound.", 1, None),
        ("He suffered a gunshot wound to the hip, the sheriff said.", None, 1),
        # a relative who was also shot, and two people named together
        ("The girl died. Mia's father, 32-year-old Tom Reyes, was also shot twice.", 1, 1),
        ("A boy was killed, while his aunt and the neighbour suffered minor injuries.", 1, 2),
        # the people a figure lists stand between it and its verb
        ("Three victims, a 20-year-old man, a 31-year-old man, and a 44-year-old woman, were all taken to "
         "a local hospital.", None, 3),
        ("Two men, a 19-year-old from Oak Hill and a 22-year-old from Fenton, died at the scene.", 2, None),
        # an ordinal one past the figure: someone more
        ("Four young men were shot at the park, and a fifth person may have been wounded.", None, 5),
        ("Three people were shot and one of them died. A fourth man was wounded by shrapnel.", 1, 3),
        # two objects of one killing; a count after "the killing of"
        ("Police say he shot and killed his girlfriend and her infant son in their home.", 2, None),
        ("The gunman fired into the car, killing Ana Ruiz, 18, and Omar Beck, 20, officers said.", 2, None),
        ("A man has been charged in the killings of four people in March.", 4, None),
        ("He shot and killed his wife and then killed himself.", 2, None),
        # "<name>, who died"; a mortal wound is a death
        ("Brandon Ames, 19, was cleaning a rifle. The gun went off, striking Ames, who died at the scene.", 1, None),
        ("The rifle fired, mortally wounding Levi Troyer in the chest.", 1, None),
        ("A man was mortally wounded in the attack.", 1, None),
        # someone who "was ... and died"
        ("Cole Baker, 16, was in the backseat and died after being shot several times.", 1, None),
        ("The woman was treated at the scene and rushed to a hospital, but died a short time later.", 1, None),
    ],
)
def test_casualties_session7(text: str, killed: int | None, injured: int | None) -> None:
    assert _body(text) == (killed, injured)


@pytest.mark.parametrize(
    "text",
    [
        # a house number after "a shooting", a year in a headline, days of tallies
        "Deputies responded to a shooting 2501 Carter Homestead Rd. at about 11:30 a.m.",
        "Valley High School Shooting 2016: What We Know",
        "The shootings follow 10 people shot across the city over seven days from June 27 to Monday.",
        "Crime stats for 2015 show 165 people were murdered in the city.",
    ],
)
def test_casualties_session7_not_figures(text: str) -> None:
    assert _body(text) == (None, None)


def test_casualties_session7_clock_times_and_verbs_with_objects() -> None:
    # a video's length is no figure; "and fatally struck <name>" is a verb with its object, not "three dead"
    assert _body("3:50 Defendant in deaths of firefighters resentenced") == (None, None)
    text = ("The gunmen opened fire on a group of three men and a woman and fatally struck Tyrell Banks, 19, "
            "who was found dead at the scene.")
    assert _body(text) == (1, None)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # someone else hit, who lived; a person "with a gunshot wound"
        ("Dion Hale, 16, was shot in the head and died. A woman was also hit, but her injuries were minor.", 1, 1),
        ("A man with a gunshot wound to his shoulder walked into a diner asking for help.", None, 1),
        ("Nora Pike was also shot in the chest but survived.", None, 1),
        ("His wife, Ada Moss, was shot and slashed but survived.", None, 1),
        # "hit" as a noun is no one hit
        ("Detectives believe the shooting was a targeted hit.", None, None),
    ],
)
def test_casualties_session7_someone_else_hit(text: str, killed: int | None, injured: int | None) -> None:
    assert _body(text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # everyone hit was taken to hospital, and one of them died there
        ("Four people were shot at the bar. All four victims were taken to Mercy Medical Center. "
         "One of the victims later died.", 1, 3),
        # "the other three went to hospitals" are the others, not all who were hit
        ("A man was killed and three other people had been shot. The other three people went to area "
         "hospitals on their own.", 1, 3),
        # a bare headline figure with its subset; not a clause before a participle; not "a 50"
        ("Mom killed in drive-by; 5 others, including a 4-year-old, injured in shooting at barbecue", None, 5),
        ("The boy was hurt as the two played in the wounded child's home.", None, 1),
        ("The rap song is called \"2 techs and a 50 shot\".", None, None),
    ],
)
def test_casualties_session7_hospital_figures_and_clauses(text: str, killed: int | None, injured: int | None) -> None:
    assert _body(text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # a subset between the figure and its verb, set off by dashes or commas
        ("Three people -- including a 4-year-old girl -- were wounded on Pine Street.", None, 3),
        ("Seven people, including five students and two teachers, were injured at the school.", None, 7),
        # more objects of the verb, summed
        ("The gunman opened fire, wounding a cashier and a customer.", None, 2),
        ("He is accused of killing a neighbour and injuring a deputy and three others.", 1, 4),
        ("The sheriff said Hale shot and killed his father, stepmother, and sister.", 3, None),
        # a verb's objects never include the shooter, who is added
        ("Officers said Brandt fatally shot his 3 daughters before killing himself.", 4, None),
        ("A man killed his two nephews on Friday before turning the gun on himself.", 3, None),
        # but "the deaths of two" counts every death, the shooter's too
        ("Police called the deaths of two classmates a murder-suicide: Vance shot Ruiz before taking his own life.",
         2, None),
        # ... and not when the report says he survived
        ("A man shot his wife before turning the gun on himself in an attempted murder-suicide.", None, 1),
        # a second person with a bare age, and an age as the person
        ("A 6-year-old boy and 30-year-old woman wounded by gunfire were released.", None, 2),
        ("Another 14-year-old in the car was also shot.", None, 1),
        ("The 3-year-old suffered minor injuries.", None, 1),
    ],
)
def test_casualties_session8_more_people_in_one_clause(text: str, killed: int | None, injured: int | None) -> None:
    assert _body(text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # two people hit in one sentence, one told as wounded and one only as shot
        ("During the robbery, a 40-year-old clerk was shot in the chest and a 9-year-old girl was shot in the foot.",
         None, 2),
        # one shot, another killed: the one only shot lived
        ("A man shot his teenage son and killed his brother-in-law's wife, then fled.", 1, 1),
        # alive: "in serious condition after she was shot"
        ("Lena Ortiz is in serious condition after she was shot by a neighbour. A 19-year-old man was killed.", 1, 1),
        # a fifth victim beyond a figure of four
        ("Four men had been killed at the warehouse. A fifth victim, a woman, was flown to County General "
         "and died on Sunday.", 5, None),
        ("Five people were killed. The fifth victim died at the hospital.", 5, None),
        # "two others ... gunshot wounds" are besides the dead; "four people ... gunshot wounds" include them
        ("One man died. Two others suffered gunshot wounds.", 1, 2),
        ("Officers found that four people had sustained gunshot wounds. One of the victims died at the hospital.",
         1, 3),
        # the hospital's figure counts the dead; the report's own "three others" is the injured
        ("One person was killed and three others were injured. Four were taken to Riverside Hospital.", 1, 3),
        # other ways to tell a death
        ("Corin Vale was declared brain dead on Friday.", 1, None),
        ("The driver was found deceased in his truck.", 1, None),
        # an active pluperfect is no one shot; a new clause after ", and" is no list of the dead
        ("The man had shot at the house twice.", None, None),
        ("He killed his wife, and a neighbour was wounded.", 1, 1),
    ],
)
def test_casualties_session8_people_across_clauses(text: str, killed: int | None, injured: int | None) -> None:
    assert _body(text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # people hit, enumerated and summed; the dead among those "shot" are subtracted
        ("A 61-year-old man, 45-year-old woman and 50-year-old man suffered gunshot wounds to the legs.", None, 3),
        ("Two men and a 16-year-old girl were wounded near the park.", None, 3),
        ("A man was killed. His wife and two 9-year-old children were shot.", 1, 2),
        # not an age as a count, nor a list number before an age
        ("A man and a woman were arrested on Tuesday.", None, None),
        # "along with three others": four hit, the dead among them
        ("A man shot and killed on Elm Street was identified. Reyes, 31, was shot along with three others.", 1, 3),
        # people told as "other" or "also" shot are besides the dead; a list that names the dead is not
        ("Police said a 15-year-old girl and four other people were shot. The girl died.", 1, 4),
        ("One man was killed. A woman and two other men were also shot.", 1, 3),
        # a subset set off by dashes
        ("Two other people – both teenagers – were wounded.", None, 2),
        # the wound told as a participle, the death as the verb
        ("Police said a teen injured in the shooting Sunday night has died of her injuries.", 1, None),
        # many incidents over hours are no toll of one
        ("Nine people were shot in a six-hour span across the city.", None, None),
    ],
)
def test_casualties_session8_enumerations_and_outcomes(text: str, killed: int | None, injured: int | None) -> None:
    assert _body(text) == (killed, injured)
