"""A103: one paragraph pasted into many documents; copies of one text count once; output bounded."""

from __future__ import annotations

from archivehelp import made_up, positioned, run

NOTICE = "本文由范文网整理，更多优质范文请访问本站，转载请注明出处并保留原文链接，谢谢合作。"
FOOTER = "版权所有：某某县人民政府办公室，未经书面许可不得转载、摘编或者以其他方式使用本网内容。"


def speech(seed: int, *extra: str) -> str:
    """A made-up speech of six long lines, then ``extra`` lines."""
    return "同志们：\n" + made_up(seed, 360) + "".join(line + "\n" for line in extra)


def test_one_diagnostic_per_pasted_paragraph_at_its_first_occurrence() -> None:
    docs = {f"县{n}/讲话.txt": speech(n, NOTICE) for n in range(4)}
    docs["县9/讲话.txt"] = speech(9)
    found = positioned("A103", docs)
    assert found == [{
        "path": "县0/讲话.txt", "at": (8, 1, 8, 42),
        "message": "此段原样出现在4个文件中（4个互相独立的来源，阈值3），"
                   "疑为粘贴的套话或模板段落。",
        "en": "This paragraph appears verbatim in 4 files (4 independent sources, threshold 3): "
              "boilerplate or a pasted template paragraph.",
        "related": [(f"县{n}/讲话.txt", (8, 1, 8, 42), "同一段落") for n in (1, 2, 3)]}]


def test_each_mode_reports_every_file_and_points_at_the_first() -> None:
    docs = {f"{n}.txt": speech(n, NOTICE) for n in range(4)}
    found = positioned("A103", docs, report="each")
    assert [f["path"] for f in found] == ["0.txt", "1.txt", "2.txt", "3.txt"]
    assert found[2]["related"][0] == ("0.txt", (8, 1, 8, 42), "首次出现处")
    assert [r[0] for r in found[2]["related"]] == ["0.txt", "1.txt", "3.txt"]


def test_adjacent_pasted_paragraphs_make_one_diagnostic() -> None:
    docs = {f"{n}.txt": speech(n, NOTICE, FOOTER) for n in range(3)}
    found = positioned("A103", docs)
    assert [(f["path"], f["at"]) for f in found] == [("0.txt", (8, 1, 9, 44))]
    assert found[0]["message"].startswith("这2段文字原样出现在3个文件中")


def test_copies_of_one_text_are_one_source() -> None:
    original = speech(1)
    copies = {
        "site-a.txt": original,
        "site-b.txt": "来源：某某网\n" + original.replace("。", "。 "),
        "site-c.txt": original.replace("\n", "\r\n"),
    }
    assert run("A103", copies) == []
    # A fourth, independent document quoting one paragraph: two sources, still under three.
    quoted = original.splitlines()[2]
    assert run("A103", {**copies, "other.txt": speech(5, quoted)}) == []
    assert run("A103", {**copies, "other.txt": speech(5, quoted)}, min_documents=2)


def test_boilerplate_in_300_files_prints_one_line_or_one_per_file() -> None:
    docs = {f"speeches/{n:03d}.txt": speech(n, NOTICE) for n in range(300)}
    grouped = run("A103", docs)
    assert len(grouped) == 1
    path, finding = grouped[0]
    assert path == "speeches/000.txt" and len(finding.related) == 5
    assert "原样出现在300个文件中" in finding.message.zh
    assert "另有294个文件未列出" in finding.message.zh
    each = run("A103", docs, report="each")
    assert len(each) == 300
    assert all(len(f.related) <= 5 for _, f in each)


def test_set_pieces_and_short_paragraphs_are_not_reported() -> None:
    opening = ("现在，我代表县人民政府，向大会报告工作，请予审议，"
               "并请县政协委员和其他列席人员提出意见。")
    short = "坚持稳中求进工作总基调，推动高质量发展。"
    docs = {f"{n}.txt": speech(n, opening, short) for n in range(5)}
    assert run("A103", docs) == []
    assert run("A103", docs, min_han=15)  # the short one counts when asked for


def test_findings_do_not_depend_on_input_order() -> None:
    docs = {f"{n}.txt": speech(n, NOTICE, FOOTER if n % 2 else "") for n in range(7)}
    assert positioned("A103", docs) == positioned("A103", dict(reversed(list(docs.items()))))
    each = positioned("A103", docs, report="each")
    assert each == positioned("A103", dict(reversed(list(docs.items()))), report="each")


def test_lines_documents_of_one_kind_share_by_nature_are_not_reported() -> None:
    amended = ("2010年7月30日 河南省第十一届人民代表大会常务委员会第十六次会议"
               "《关于修改部分地方性法规的决定》第二次修正")
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    article = ("第四十条　违反本条例规定，构成违反治安管理行为的，由公安机关依法给予治安管理处罚；"
               "构成犯罪的，依法追究刑事责任。")
    heading = "### 全国双拥工作领导小组向全国双拥模范和优抚对象致慰问信，祝贺新春佳节"
    docs = {f"{n}.txt": speech(n, amended, note, article, heading) for n in range(5)}
    assert run("A103", docs) == []


def test_clauses_laws_borrow_from_one_another_are_not_reported() -> None:
    item = "（一）各有关部门应当健全普法责任制，加强文明行为宣传教育，推进法治教育和道德教育相结合；"
    paragraph = "前款规定设施的经营管理单位应当加强日常检查，保证设施完好、使用正常、整洁有序。"

    def law(seed: int) -> str:
        return (f"某市文明行为促进条例{seed}\n第一条　为了促进文明行为，制定本条例。\n"
                f"第二条　本条例适用于本市。\n{item}\n第三条　公共场所应当设置必要设施。\n"
                f"{paragraph}\n第四条　本条例自公布之日起施行。\n")

    laws = {f"{n}.txt": law(n) for n in range(4)}
    assert run("A103", laws) == []
    # the same paragraphs pasted into speeches are still reported
    speeches = {f"{n}.txt": speech(n, paragraph) for n in range(4)}
    assert [f["at"] for f in positioned("A103", speeches)] == [(8, 1, 8, 40)]


def reply(seed: int, answer: str) -> str:
    """A made-up citizen's message and the office's ``answer``, as a 留言 page stores them."""
    return (f"关于小区供暖的问题{seed}\n2023-01-0{seed % 9 + 1} 08:15\n"
            + made_up(seed, 120).replace("\n", "") + f"\n2023-02-0{seed % 9 + 1} 10:30\n"
            + answer + "\n")


def test_a_reply_that_is_only_an_acknowledgment_is_not_reported() -> None:
    acknowledgment = "您的来信我们已经收到！所反映的情况已转交主管部门核实办理，谢谢您对我们工作的关心！"
    closing = "最后，衷心希望您一如既往地关注我县的发展，对我们的工作多提宝贵的意见和建议。"
    docs = {f"{n}.txt": reply(n, acknowledgment) for n in range(9)}
    docs.update({f"c{n}.txt": reply(n, made_up(n + 20, 60).strip() + closing) for n in range(4)})
    assert run("A103", docs) == []


def test_a_notice_about_the_site_is_reported_however_polite() -> None:
    notice = "感谢您访问本站！本站部分内容来自网络，如需转载请注明出处并保留原文链接。"
    docs = {f"{n}.txt": reply(n, made_up(n + 30, 60).strip()) + notice + "\n" for n in range(3)}
    assert [(f["path"], f["at"]) for f in positioned("A103", docs)] == [("0.txt", (6, 1, 6, 37))]


def news(seed: int, *lines: str) -> str:
    """A made-up news item of a meeting with its procedural ``lines``."""
    return (f"## 某某委员会召开第{seed}次全体会议\n\n" + made_up(seed, 240).replace("\n", "\n\n")
            + "".join(line + "\n\n" for line in lines))


def test_the_procedural_record_of_a_meeting_is_not_reported() -> None:
    attended = "委员会副主任、秘书长某某某，委员会委员某某某出席会议并讲话。"
    voted = "会议审议通过了关于召开下一次全体会议的决定和有关人事任免事项的报告。"
    broadcast = ("届时，某某广播电视台新闻综合频道、都市频道、公共频道和某某新闻客户端、"
                 "某某网将进行全程直播。某某日报客户端将同步推送图文报道。")
    presided = "委员会主任某某某主持会议并发表重要讲话。委员会副主任某某某、某某某陪同考察。"
    docs = {f"{n}.txt": news(n, attended, voted, broadcast, presided) for n in range(12)}
    assert run("A103", docs) == []
    # a sentence of content that ends on 参加 is no record of who attended
    content = "各级党员干部要以身作则，主动认领岗位，带头参加义务植树和社区志愿服务。"
    docs = {f"{n}.txt": speech(n, content) for n in range(3)}
    assert [f["at"] for f in positioned("A103", docs)] == [(8, 1, 8, 36)]


def test_a_long_meeting_paragraph_pasted_into_other_items_is_reported() -> None:
    pasted = ("会议强调，要坚持问题导向，聚焦群众反映强烈的突出问题。要压实各方责任，"
              "确保各项措施落地见效。要加强督促检查，对工作不力的严肃问责。"
              "要做好宣传引导，营造良好氛围。")
    docs = {f"{n}.txt": news(n, pasted) for n in range(3)}
    assert [(f["path"], f["at"]) for f in positioned("A103", docs)] == [("0.txt", (11, 1, 11, 81))]


def test_a_paragraph_that_is_a_whole_short_document_is_its_text() -> None:
    notice = "原定于本周六举行的志愿服务活动因天气原因延期举行，具体时间另行通知，请各单位相互转告。"
    docs = {f"{n}.txt": f"通知{n}\n2023年5月{n + 1}日\n{notice}\n" for n in range(4)}
    assert run("A103", docs) == []
    # the same paragraph inside long speeches is a paste
    speeches = {f"{n}.txt": speech(n, notice) for n in range(4)}
    assert [f["at"] for f in positioned("A103", speeches)] == [(8, 1, 8, 44)]


def test_the_addressees_of_an_official_document_are_no_paste() -> None:
    addressees = ("各省、自治区、直辖市及计划单列市、新疆生产建设兵团发展改革委、财政厅（局）、"
                  "住房城乡建设厅（委、局），各有关单位：")
    docs = {f"{n}.txt": f"关于做好某项工作的通知{n}\n{addressees}\n" + made_up(n, 300)
            for n in range(4)}
    assert run("A103", docs) == []
    # a colon after a sentence is no salutation
    lead = addressees.replace("各有关单位：", "各有关单位。现将有关事项通知如下：")
    docs = {f"{n}.txt": f"关于做好某项工作的通知{n}\n{lead}\n" + made_up(n, 300)
            for n in range(4)}
    assert [f["at"] for f in positioned("A103", docs)] == [(2, 1, 2, 69)]


def test_the_imprint_of_one_issuers_notices_is_no_paste() -> None:
    copied = "抄送：县委各部门，县人大常委会办公室、县政协办公室，县人武部，县法院、县检察院。"
    docs = {f"{n}.txt": f"关于做好某项工作的通知{n}\n各乡镇人民政府：\n" + made_up(n, 300)
            + f"\n{copied}\n" for n in range(4)}
    assert run("A103", docs) == []
    # the same bodies named in a sentence of the text are pasted prose
    sentence = copied.replace("抄送：", "请将落实情况报送")
    docs = {f"{n}.txt": f"关于做好某项工作的通知{n}\n各乡镇人民政府：\n" + made_up(n, 300)
            + f"\n{sentence}\n" for n in range(4)}
    assert [(f["path"], f["at"]) for f in positioned("A103", docs)] == [("0.txt", (9, 1, 9, 46))]
