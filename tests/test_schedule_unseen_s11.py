"""Reading-group schedules in layouts the sweep of session 10 found unread (issue 12): a list of date bullets with
the readings nested under each, and a course CSV whose reading columns are empty for most weeks. Our own files in
tests/data/md_s11/."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

import paperlab
from paperlab.errors import MeetingsOnlyWarning, ParseError

DATA = Path(__file__).parent / "data" / "md_s11"


def _load(path: Path) -> list[paperlab.Paper]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(paperlab.load(path))


def test_nested_bullets_are_meetings_with_their_papers_and_presenters() -> None:
    """'- 2015-03-02' with '  - [Title](link) — Ada Quill' under it: one meeting per date bullet, its papers linked
    (an arXiv id or not), each with its presenter (no presenter taken for an author); a date bullet that says
    'cancelled' is a skipped meeting."""
    schedule = paperlab.Schedule.from_file(DATA / "nested_bullets_group.md")
    assert [(m.date, m.presenters, len(m.papers), m.skipped) for m in schedule.meetings] == [
        (dt.date(2015, 3, 2), ["Ada Quill", "Bo Renn"], 2, False),
        (dt.date(2015, 3, 9), ["Cai Lune"], 1, False),
        (dt.date(2015, 3, 16), [], 0, True),
        (dt.date(2015, 3, 23), ["Dara Moss", "Ada Quill"], 2, False),
    ]
    assert schedule.meetings[2].note == "cancelled (spring break)"
    papers = _load(DATA / "nested_bullets_group.md")
    assert [(p.title[:24], p.arxiv_id, p.authors, p.extra["presenters"], p.extra["meeting_date"]) for p in papers] == [
        ("Dropout: A Simple Way to", None, [], ["Ada Quill"], "2015-03-02"),
        ("Adam: A Method for Stoch", "1412.6980", [], ["Bo Renn"], "2015-03-02"),
        ("Sequence to Sequence Lea", "1409.3215", [], ["Cai Lune"], "2015-03-09"),
        ("Neural Machine Translati", "1409.0473", [], ["Dara Moss"], "2015-03-23"),
        ("Batch Normalization: Acc", "1502.03167", [], ["Ada Quill"], "2015-03-23"),
    ]


def test_date_bullets_in_bold_with_a_presenter_in_parentheses(tmp_path: Path) -> None:
    """'* **March 2, 2016**' bullets, '(presented by Ada Quill)' after a reading, a bare URL after a title."""
    page = tmp_path / "group.md"
    page.write_text(
        "# Reading group, spring 2016\n\n"
        "* **March 2, 2016**\n"
        "    * [Deep Residual Learning for Image Recognition](https://arxiv.org/abs/1512.03385) (presented by Ada Quill)\n"
        "* **March 9, 2016** — no meeting\n"
        "* **March 16, 2016**\n"
        "    * Generative Adversarial Nets https://arxiv.org/abs/1406.2661 - Bo Renn\n",
        encoding="utf-8",
    )
    meetings = paperlab.Schedule.from_file(page).meetings
    assert [(m.date, m.presenters, [p.title for p in m.papers], m.skipped) for m in meetings] == [
        (dt.date(2016, 3, 2), ["Ada Quill"], ["Deep Residual Learning for Image Recognition"], False),
        (dt.date(2016, 3, 9), [], [], True),
        (dt.date(2016, 3, 16), ["Bo Renn"], ["Generative Adversarial Nets"], False),
    ]


def test_a_course_csv_with_empty_reading_columns_keeps_every_lecture() -> None:
    """Date | Lecture | Presenter | Required reading | Optional reading, the readings empty: all seven lectures are
    read with their date, topic and lecturer (the lecture without a lecturer is no skipped week); load says the
    schedule names no paper."""
    schedule = paperlab.Schedule.from_file(DATA / "course_empty_readings.csv")
    assert [(m.date_text, m.note, m.presenters, m.skipped) for m in schedule.meetings] == [
        ("2026-01-13", "Introduction", ["Prof. Quill"], False),
        ("2026-01-15", "Linear models", ["Prof. Quill"], False),
        ("2026-01-20", "Kernels", ["Bo Renn"], False),
        ("2026-01-22", "Neural networks", ["Prof. Quill"], False),
        ("2026-01-27", "Backpropagation", ["Cai Lune"], False),
        ("2026-01-29", "Convolutional networks", ["Prof. Quill"], False),
        ("2026-02-03", "Midterm review", [], False),
    ]
    with pytest.warns(MeetingsOnlyWarning, match="names no paper"):
        assert len(paperlab.load(DATA / "course_empty_readings.csv")) == 0


def test_course_columns_named_lecturer_instructor_lecture_topic_and_numbered_readings(tmp_path: Path) -> None:
    """'Week,Day,Lecture topic,Lecturer,Paper 1,Paper 2' and 'Session,Date,Topic,Instructor,Reading 1,Reading 2': the
    header of a course, its numbered reading columns empty for most weeks, is a schedule's."""
    first = tmp_path / "course.csv"
    first.write_text(
        "Week,Day,Lecture topic,Lecturer,Paper 1,Paper 2\n1,Tue Jan 13 2026,Introduction,Ada Quill,,\n"
        "2,Tue Jan 20 2026,Attention,Bo Renn,[Attention Is All You Need](https://arxiv.org/abs/1706.03762),\n",
        encoding="utf-8",
    )
    meetings = paperlab.Schedule.from_file(first).meetings
    assert [(m.date, m.presenters, m.note, [p.arxiv_id for p in m.papers]) for m in meetings] == [
        (dt.date(2026, 1, 13), ["Ada Quill"], "Introduction", []),
        (dt.date(2026, 1, 20), ["Bo Renn"], None, ["1706.03762"]),
    ]
    second = tmp_path / "syllabus.csv"
    second.write_text(
        "Session,Date,Topic,Instructor,Reading 1,Reading 2,Slides\n1,1/13/2026,Introduction,Ada Quill,,,\n"
        "2,1/15/2026,Linear models,Ada Quill,,,slides2.pdf\n3,1/20/2026,Kernels,Bo Renn,,,\n",
        encoding="utf-8",
    )
    meetings = paperlab.Schedule.from_file(second).meetings
    assert [(m.date_text, m.note, m.presenters) for m in meetings] == [
        ("1/13/2026", "Introduction", ["Ada Quill"]),
        ("1/15/2026", "Linear models", ["Ada Quill"]),
        ("1/20/2026", "Kernels", ["Bo Renn"]),
    ]


def test_readings_cited_by_key_are_kept_as_keys_and_reported_never_titled_by_the_key() -> None:
    """'[@vaswani2017attention]', '\\cite{he2016deep}, \\cite{huang2017densely}', '[@a; @b]': each meeting is read
    (date, topic) with its keys in extra['cited'], no paper is made of a key, and load names each row's keys as
    readings it could not read; the linked paper of the last week is read."""
    with pytest.warns(paperlab.PartialImportWarning, match="cited by key only") as caught:
        papers = list(paperlab.load(DATA / "course_citation_keys.md"))
    assert [(p.title, p.arxiv_id) for p in papers] == [("Denoising Diffusion Probabilistic Models", "2006.11239")]
    message = str(caught[0].message)
    assert "line 5: reading cited by key only, no title to read: vaswani2017attention" in message
    assert "he2016deep, huang2017densely" in message and "devlin2019bert, radford2019language" in message
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        meetings = paperlab.Schedule.from_file(DATA / "course_citation_keys.md").meetings
    assert [(m.date_text, m.note, m.extra.get("cited"), len(m.papers)) for m in meetings] == [
        ("2026-01-12", "Transformers", "vaswani2017attention", 0),
        ("2026-01-19", "Residual networks", "he2016deep, huang2017densely", 0),
        ("2026-01-26", "Pretraining", "devlin2019bert, radford2019language", 0),
        ("2026-02-02", None, None, 1),
    ]


def test_a_schedule_citing_only_keys_is_refused_saying_so(tmp_path: Path) -> None:
    page = tmp_path / "course.md"
    page.write_text(
        "# Course readings, spring 2026\n\n| Week | Date | Topic | Readings |\n|---|---|---|---|\n"
        "| 1 | 2026-01-12 | Transformers | [@vaswani2017attention] |\n| 2 | 2026-01-19 | ResNets | \\citep{he2016deep} |\n",
        encoding="utf-8",
    )
    with pytest.raises(ParseError, match=r"citation key only") as caught:
        paperlab.load(page)
    assert "@vaswani" not in str(caught.value) and "vaswani2017attention" not in str(caught.value).split(":")[0]


def test_a_course_yaml_of_lectures_with_readings_as_strings_links_and_objects() -> None:
    """Weeks with date and topic; readings a title, a link, an object with a url, or an object with a bare arXiv id
    (quoted, or a number YAML reads as 2210.0274); a week of citation keys reported; weeks without readings kept."""
    with pytest.warns(paperlab.PartialImportWarning, match="record 5: reading cited by key only"):
        papers = list(paperlab.load(DATA / "course_schedule.yml"))
    assert [(p.title, p.arxiv_id, p.extra["meeting_date"]) for p in papers] == [
        ("Attention Is All You Need", None, "2026-01-20"),
        ("Layer Normalization", "1607.06450", "2026-01-20"),
        ("Training Compute-Optimal Large Language Models", "2203.15556", "2026-01-27"),
        ("Flow Matching for Generative Modeling", "2210.02740", "2026-01-27"),
        ("Denoising Diffusion Probabilistic Models", "2006.11239", "2026-01-27"),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        meetings = paperlab.Schedule.from_file(DATA / "course_schedule.yml").meetings
    assert [(m.date_text, m.note or m.extra.get("topic"), len(m.papers)) for m in meetings] == [
        ("2026-01-13", "Introduction and course logistics", 0),
        ("2026-01-20", "Attention", 2),
        ("2026-01-27", "Scaling", 3),
        ("2026-02-03", "Project proposals due", 0),
        ("2026-02-10", "Pretraining", 0),
    ]


def test_a_meeting_heading_names_a_month_by_its_name_only(tmp_path: Path) -> None:
    """'## Mar 9, 2026 — Agents' and '## Sept. 14, 2026: Retrieval' head meetings; '## Decision 2: tree search' (a
    word that starts like a month) is no meeting's heading and ends the meeting above it."""
    page = tmp_path / "reading_group.md"
    page.write_text(
        "# Reading group\n\n## Mar 9, 2026 — Agents\n\n- [ReAct](https://arxiv.org/abs/2210.03629)\n\n"
        "## Sept. 14, 2026: Retrieval\n\n- [RAG](https://arxiv.org/abs/2005.11401)\n\n"
        "## Decision 2: tree search\n\n- [MCTS survey](https://arxiv.org/abs/2103.04047)\n",
        encoding="utf-8",
    )
    meetings = paperlab.Schedule.from_file(page).meetings
    assert [(m.date, m.extra.get("topic"), [p.arxiv_id for p in m.papers]) for m in meetings] == [
        (dt.date(2026, 3, 9), "Agents", ["2210.03629"]),
        (dt.date(2026, 9, 14), "Retrieval", ["2005.11401"]),
    ]


def test_numbered_date_items_with_weekdays_and_presenters_before_their_papers(tmp_path: Path) -> None:
    """'1. Mon, March 4, 2019' items; 'Ada Quill: [Title](link)' and 'Bo Renn — [Title](link)' under them (a label
    such as 'Paper:' names no presenter); 'Mon, March 18, 2019: no meeting' a skipped week."""
    page = tmp_path / "journal_club.md"
    page.write_text(
        "# Journal club 2019\n\n1. Mon, March 4, 2019\n"
        "    - Ada Quill: [Deep Residual Learning for Image Recognition](https://arxiv.org/abs/1512.03385)\n"
        "    - Paper: [Identity Mappings in Deep Residual Networks](https://arxiv.org/abs/1603.05027)\n"
        "2. Monday, March 11, 2019\n    - Bo Renn — [Generative Adversarial Nets](https://arxiv.org/abs/1406.2661)\n"
        "3. Mon, March 18, 2019: no meeting (spring break)\n",
        encoding="utf-8",
    )
    meetings = paperlab.Schedule.from_file(page).meetings
    assert [(m.date, m.presenters, [p.arxiv_id for p in m.papers], m.skipped) for m in meetings] == [
        (dt.date(2019, 3, 4), ["Ada Quill"], ["1512.03385", "1603.05027"], False),
        (dt.date(2019, 3, 11), ["Bo Renn"], ["1406.2661"], False),
        (dt.date(2019, 3, 18), [], [], True),
    ]


@pytest.mark.parametrize(
    "header",
    [
        "Class,Date,Subject,Reading,Notes",
        "Week,Date,Theme,Assigned reading,Homework",
        "Week,Date,Topic,Pre-reading,Reading notes",
        "Lecture #,Date,Topic,Readings & resources,Due",
    ],
)
def test_course_headers_naming_readings_and_topics_in_other_words(tmp_path: Path, header: str) -> None:
    """A readings column named in other words ('Assigned reading', 'Pre-reading', 'Readings & resources') and a
    topic column named 'Subject' or 'Theme': every lecture is read, its topic kept, the one paper linked."""
    path = tmp_path / "course.csv"
    path.write_text(
        f"{header}\n1,2026-01-13,Introduction,,\n"
        "2,2026-01-15,Attention,[Attention Is All You Need](https://arxiv.org/abs/1706.03762),\n3,2026-01-20,Kernels,,\n",
        encoding="utf-8",
    )
    meetings = paperlab.Schedule.from_file(path).meetings
    assert [(m.date_text, m.note or m.extra.get("topic"), [p.arxiv_id for p in m.papers]) for m in meetings] == [
        ("2026-01-13", "Introduction", []),
        ("2026-01-15", "Attention", ["1706.03762"]),
        ("2026-01-20", "Kernels", []),
    ]


def test_unlinked_readings_under_a_date_item_are_papers_only_when_written_as_references(tmp_path: Path) -> None:
    """'Title (Family et al., 2017) — Ada Quill' and an APA reference are papers (title, first author, year); 'Room
    change: we meet in 301' and 'Midterm review - Bo Renn' are the meeting's notes, no paper."""
    page = tmp_path / "reading_group.md"
    page.write_text(
        "# Reading group 2015\n\n- 2015-03-02\n"
        "  - Attention Is All You Need (Vaswani et al., 2017) — Ada Quill\n  - Room change: we meet in 301\n"
        "  - He, K., Zhang, X. (2016). Deep residual learning for image recognition. CVPR.\n"
        "- 2015-03-09\n  - [Sequence to Sequence Learning](https://arxiv.org/abs/1409.3215) — Cai Lune\n"
        "  - Midterm review - Bo Renn\n",
        encoding="utf-8",
    )
    meetings = paperlab.Schedule.from_file(page).meetings
    assert [[(p.title, p.authors, p.published) for p in m.papers] for m in meetings] == [
        [
            ("Attention Is All You Need", ["Vaswani"], dt.date(2017, 1, 1)),
            ("Deep residual learning for image recognition", ["K. He", "X. Zhang"], dt.date(2016, 1, 1)),
        ],
        [("Sequence to Sequence Learning", [], dt.date(2014, 9, 1))],
    ]
    assert [m.extra.get("notes") for m in meetings] == ["Room change: we meet in 301", "Midterm review - Bo Renn"]
    assert meetings[0].papers[0].extra["presenters"] == ["Ada Quill"]


def test_a_book_groups_chapter_column_is_each_meetings_reading_and_no_paper(tmp_path: Path) -> None:
    """'Week | Chapter | Lead': each meeting keeps its chapter ('Ch. 2 Linear Algebra') as its note, no paper made
    of a chapter; the contributors' profile links below are no papers either."""
    page = tmp_path / "book_group.md"
    page.write_text(
        "# Book reading group: Deep Learning\n\n| Week | Chapter | Lead |\n|---|---|---|\n"
        "| 1 | Ch. 1 Introduction | Ada Quill |\n| 2 | Ch. 2 Linear Algebra | Bo Renn |\n\n## Contributors\n\n"
        "- [Ada Quill](https://github.com/adaquill)\n- [Bo Renn](https://bo-renn.github.io/)\n",
        encoding="utf-8",
    )
    meetings = paperlab.Schedule.from_file(page).meetings
    assert [(m.date_text, m.presenters, m.note, m.papers) for m in meetings] == [
        ("1", ["Ada Quill"], "Ch. 1 Introduction", []),
        ("2", ["Bo Renn"], "Ch. 2 Linear Algebra", []),
    ]
    with pytest.warns(MeetingsOnlyWarning, match="names no paper"):
        assert len(paperlab.load(page)) == 0


def test_a_content_column_of_words_is_the_topic_and_a_row_of_slides_only_a_meeting(tmp_path: Path) -> None:
    """'Module | Date | Content | Reading assignment': the Content cells ('Introduction') are the lectures' topics,
    the topic-only lectures kept; 'Week | Date | Slides | Readings' with a lecture of slides only keeps it, its
    slides in extra."""
    course = tmp_path / "course.csv"
    course.write_text(
        "Module,Date,Content,Reading assignment\n1,2026-01-13,Introduction,\n"
        "2,2026-01-15,Attention,[Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n",
        encoding="utf-8",
    )
    meetings = paperlab.Schedule.from_file(course).meetings
    assert [(m.date_text, m.note or m.extra.get("topic"), len(m.papers)) for m in meetings] == [
        ("2026-01-13", "Introduction", 0),
        ("2026-01-15", "Attention", 1),
    ]
    slides = tmp_path / "lectures.csv"
    slides.write_text(
        "Week,Date,Slides,Readings\n1,2026-01-13,[slides](s1.pdf),\n"
        "2,2026-01-15,[slides](s2.pdf),[Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n",
        encoding="utf-8",
    )
    meetings = paperlab.Schedule.from_file(slides).meetings
    assert [(m.date_text, m.extra.get("slides"), len(m.papers)) for m in meetings] == [
        ("2026-01-13", "[slides](s1.pdf)", 0),
        ("2026-01-15", "[slides](s2.pdf)", 1),
    ]
