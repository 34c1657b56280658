"""Era-marker data: the built-in file, user files through ``era_markers``, and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.rules.years.markers import (
    MarkerError,
    MarkerSet,
    builtin_markers,
    marker_set,
    user_markers,
)
from doclint.testing import lint_text

USER_MARKERS = """\
markers:
  - id: smart_city_pilot
    label: 智慧城市试点
    kind: campaign
    valid_from: 2012
    valid_to: 2015
    earliest_mention: 2012
    keys: [智慧城市]
    patterns: ['智慧城市试点']
    current_patterns: ['(?:开展|推进)智慧城市试点']
"""


def test_builtin_markers_load_and_are_keyed() -> None:
    markers = builtin_markers()
    assert len(markers) > 100
    assert len({m.id for m in markers}) == len(markers)
    for marker in markers:
        assert marker.keys, marker.id
        assert marker.patterns or marker.pins, marker.id
        if marker.current_patterns or marker.future_patterns:
            assert marker.valid_from is not None, marker.id


def test_trigger_finds_every_key() -> None:
    markers = marker_set()
    for key in markers.by_key:
        found = {markers.key_of(m) for m in markers.trigger.finditer(f"前文{key}后文")}
        assert key in found, key


def test_user_markers_extend_the_builtin_ones(tmp_path: Path) -> None:
    path = tmp_path / "markers.yaml"
    path.write_text(USER_MARKERS, encoding="utf-8")
    found = lint_text("Y203", "要继续推进智慧城市试点。", settings={"year": 2020, "era_markers": [str(path)]})
    assert len(found) == 1
    assert "智慧城市试点" in found[0].message.zh and "2012—2015年" in found[0].message.zh
    assert not lint_text("Y203", "要继续推进智慧城市试点。",
                         settings={"year": 2014, "era_markers": [str(path)]})
    early = lint_text("Y202", "智慧城市试点启动。", settings={"year": 2008, "era_markers": [str(path)]})
    assert len(early) == 1


def test_a_user_marker_replaces_a_builtin_one_by_id(tmp_path: Path) -> None:
    path = tmp_path / "sars.yaml"
    path.write_text("- id: sars_2003\n  label: 非典\n  valid_from: 2003\n  valid_to: 2030\n"
                    "  keys: [非典]\n  patterns: ['非典']\n  current_patterns: ['抗击非典']\n",
                    encoding="utf-8")
    settings = {"year": 2024, "era_markers": [str(path)]}
    assert not lint_text("Y203", "全力做好抗击非典工作。", settings=settings)
    assert lint_text("Y203", "全力做好抗击非典工作。", settings={"year": 2024})


@pytest.mark.parametrize("content, message", [
    ("- label: no id\n", "'id'"),
    ("- id: broken\n  patterns: ['(unclosed']\n", "broken"),
    ("- id: bad_pin\n  pins: [{patterns: ['x']}]\n", "pin"),
    ("just text", "list of markers"),
])
def test_malformed_user_files_are_reported(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    user_markers.cache_clear()
    with pytest.raises(MarkerError, match=message):
        user_markers(str(path))


def test_every_builtin_marker_pattern_compiles() -> None:
    """Built-in patterns are compiled lazily at run time, so the tests compile them all."""
    from doclint.rules.years.markers import builtin_markers

    patterns = [p for m in builtin_markers()
                for p in (*m.patterns, *m.current_patterns, *m.future_patterns,
                          *(q for pin in m.pins for q in pin.patterns))]
    assert len(patterns) > 400
    for pattern in patterns:
        assert pattern.compiled.pattern == pattern.pattern


def _trigger_matches(markers: MarkerSet, text: str) -> list[tuple[int, int, str]]:
    assert markers.trigger is not None
    return [(m.start(), m.end(), markers.key_of(m)) for m in markers.trigger.finditer(text)]


def test_keys_read_from_the_literal_scan_are_what_the_trigger_finds() -> None:
    import random

    from doclint.core.anchors import literals_in

    markers = marker_set()
    keys = sorted(markers.by_key)
    # Keys that share characters, overlap or hold one another: 十五 in 十五五, 十五届 beside 五中全会.
    fixed = ["", "前文后文", "“十五五”规划", "十五届五中全会", "十四五十五五", "党的十五大以来二十大",
             "第一个五年计划", "十五十五五十五届", "农业税国际金融危机"]
    rnd = random.Random(7)
    pieces = [*keys, "，", "的", "“", "”", "十", "五", "届", "大", "\n"]
    generated = []
    for _ in range(3000):
        words = []
        for _ in range(rnd.randint(1, 8)):
            word = rnd.choice(pieces)
            cut = rnd.randint(0, len(word) - 1)
            words.append(rnd.choice([word, word[cut:], word[:cut + 1]]))
        generated.append("".join(words))
    found_any = False
    for text in fixed + generated:
        assert literals_in(text) is not None
        expected = _trigger_matches(markers, text)
        assert markers.keys_in(text) == expected, text
        found_any = found_any or bool(expected)
    assert found_any
    assert markers.keys_in("前文后文") == []


def test_keys_fall_back_to_the_trigger_for_keys_the_scan_does_not_hold(tmp_path: Path) -> None:
    path = tmp_path / "short.yaml"
    path.write_text("- id: one_char\n  label: 一\n  valid_from: 2003\n  valid_to: 2030\n"
                    "  keys: [兔]\n  patterns: ['兔']\n", encoding="utf-8")
    markers = marker_set((str(path),))
    text = "玉兔“十四五”兔"
    assert markers.keys_in(text) == _trigger_matches(markers, text)
    assert [key for _, _, key in markers.keys_in(text)] == ["兔", "十四五", "兔"]


def test_every_pin_pattern_requires_one_of_the_pin_words() -> None:
    from doclint.rules.years.markers import window_filter

    markers = marker_set()
    assert markers.pin_words is not None
    words = set(markers.pin_words.pattern.replace("\\", "").split("|"))
    patterns = 0
    for marker in markers.markers:
        for pin in marker.pins:
            for pattern in pin.patterns:
                patterns += 1
                assert any(group <= words for group in window_filter(pattern).required), pattern
    assert patterns > 100
    # A sentence with a pin's wording holds a pin word; one without holds none.
    assert markers.pin_words.search("2021年是“十四五”开局之年。")
    assert markers.pin_words.search("庆祝改革开放40周年大会")
    assert not markers.pin_words.search("深入实施“十四五”规划，推进乡村振兴。")


def test_a_pin_is_found_in_a_sentence_with_its_words_only() -> None:
    found = lint_text("Y201", "2019年是“十四五”规划的开局之年。", settings={"year": 2019})
    assert len(found) == 1
    assert not lint_text("Y201", "2019年实施“十四五”规划。", settings={"year": 2019})
