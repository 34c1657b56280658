"""T301's line kinds that are no paragraph: captions, glued headings, numbered section titles,
lines of a paragraph wrapped at a fixed width."""

from doclint.core import Document
from doclint.rules.structure import lines
from doclint.rules.structure.model import Structure
from doclint.rules.structure.truncated_paragraph import _glued_heading, _section_title, _wrapped


def test_captions() -> None:
    assert lines.is_caption("图1智能制造标准体系结构图")
    assert lines.is_caption("　　表 2-1 主要经济指标")
    assert lines.is_caption("附表3 项目申报表")
    assert not lines.is_caption("图书馆建设稳步推进")
    assert not lines.is_caption("表示要加快推进")
    assert not lines.is_caption("图2020年以来的变化")


def test_heading_glued_onto_a_paragraph() -> None:
    assert _glued_heading("本指南由部科学研究院负责起草。　第一章　总体要求　")
    assert _glued_heading("现将有关事项通知如下。一、总体要求")
    assert not _glued_heading("本指南由部科学研究院负责起草，各地要结合实际抓好工作落")
    assert not _glued_heading("现将有关事项通知如下。一、要坚持稳中求进，着力扩大有效投资，加快")


def test_numbered_section_title() -> None:
    assert _section_title("3.1　多阅片者多病例（multiple reader multiple case，MRMC）设计")
    assert _section_title("2.4.1 数据采集要求")
    assert not _section_title("3.1　如采用此种设计，整个临床试验由协调研究者组织")
    assert not _section_title("3.　临床试验设计")  # one level: T202's and the model's business


def test_wrapped_lines() -> None:
    text = ("标准体系结构包括基础共性、关键技术和行业应用三个部分。行业应用标准位于\n"
            "结构图的最顶层，面向行业具体需求，对基础共性标准和关键技术标准进一步\n"
            "细化和落地，指导各行业推进智能制造工作，并在实践中不断修订和完善推进\n"
            "智能制造。\n")
    blocks = Document.from_text(text).facts(Structure).blocks
    assert _wrapped(blocks[2], blocks)
    assert not _wrapped(blocks[1], blocks)  # its line before ends a sentence
    ragged = ("标准体系结构包括基础共性、关键技术和行业应用三个部分。行业应用标准位于\n"
              "结构图的最顶层，面向行业\n"
              "细化和落地，指导各行业推进智能制造工作，并在实践中不断修订和完善推进\n")
    blocks = Document.from_text(ragged).facts(Structure).blocks
    assert not _wrapped(blocks[2], blocks)
