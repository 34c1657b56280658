"""Family T stays quiet on clean documents of the usual shapes, written in the manner of real
reports: spaced titles, datelines and bylines, indented paragraphs, CRLF, legal chapters and
clauses, attachment lists, tables of contents, slogans repeated on purpose."""

from __future__ import annotations

import pytest

from doclint.core.diagnostic import Severity
from doclint.core.document import Document
from doclint.core.linter import ActiveRule, lint_document
from doclint.rules.structure import RULES

WORK_REPORT = """\
政 府 工 作 报 告
——2024年1月10日在县第十八届人民代表大会第三次会议上
县长　王　明
各位代表：
　　现在，我代表县人民政府向大会报告工作，请予审议，并请县政协委员提出意见。
　　一、2023年工作回顾
　　过去一年，全县经济运行稳中向好，地区生产总值实际增长5.8%。我们主要做了以下工作：
　　（一）坚持项目为王，经济实力持续增强。全年实施重点项目126个，完成投资83.2亿元。
　　（二）坚持改革创新，发展活力不断释放。一是深化“放管服”改革，二是优化营商环境，三是推进国企改革。
　　（三）坚持民生优先，群众福祉持续增进。新增城镇就业4200人，城乡居民收入分别增长5.1%和7.3%。
　　二、2024年主要任务
　　今年是实现“十四五”规划目标任务的关键一年。我们要坚持以人民为中心的发展思想，重点抓好以下三个方面工作：
　　（一）扩大有效投资。要坚持以人民为中心的发展思想，谋划储备一批打基础、利长远的项目。
　　（二）提振消费需求。要培育新型消费，办好各类促销活动。
　　（三）保障改善民生。要坚持以人民为中心的发展思想，办好十件民生实事。
　　各位代表！新征程催人奋进，新使命重任在肩。让我们团结一心、奋勇争先，为建设美丽幸福新家园而努力奋斗！
"""

NOTICE = """\
县人民政府办公室关于印发2024年重点项目推进方案的通知
县政办发〔2024〕8号
各乡镇人民政府，县直各单位：
　　现将《2024年重点项目推进方案》印发给你们，请结合实际认真贯彻执行。
　　附件：1.2024年重点项目清单
　　　　　2.重点项目责任分工表
　　　　　3.重点项目推进时间表
县人民政府办公室
2024年2月20日
（此件公开发布）
"""

REGULATION = """\
第一章　总则
第一条　为了规范公共数据管理，促进公共数据共享开放，制定本办法。
第二条　本办法适用于本县行政区域内公共数据的采集、共享、开放和安全管理。
第二章　职责分工
第三条　县人民政府负责统筹本县公共数据管理工作，主要职责包括：
（一）制定公共数据管理制度；
（二）协调解决重大问题；
（三）监督检查实施情况。
第四条　县数据管理部门负责公共数据的日常管理工作。
"""

SPEECH = """\
在全县乡村振兴工作推进会上的讲话
（2024年3月8日）
李 强
同志们：
今天召开全县乡村振兴工作推进会，主要任务是总结去年工作，安排今年任务。刚才，几位同志作了很好的发言，讲得都很实在。下面，我讲三点意见。
一、提高认识，增强做好乡村振兴工作的责任感
乡村振兴是一篇大文章。一要提高政治站位，二要强化使命担当，三要保持战略定力。
二、突出重点，扎实推进乡村振兴各项任务
首先，要抓好产业振兴。其次，要抓好人才振兴。最后，要抓好组织振兴。
三、强化保障，凝聚推进乡村振兴的强大合力
要坚持五级书记抓乡村振兴。要坚持五级书记抓乡村振兴，这是我们的一贯要求。
同志们，乡村振兴任务艰巨、使命光荣。让我们撸起袖子加油干，奋力谱写乡村振兴新篇章！
"""

PLAN = """\
目录
第一篇　发展基础
第二篇　主要任务
第一篇　发展基础
第一章　发展环境
“十三五”时期，全县经济社会发展取得显著成就。
第二章　指导思想
坚持稳中求进工作总基调，推动高质量发展。
第二篇　主要任务
第三章　建设现代产业体系
1.做强先进制造业。重点发展装备制造和新材料产业。
2.做优现代服务业。加快发展现代物流和文化旅游。
第四章　推进新型城镇化
（1）优化城镇布局。构建“一核两翼”城镇格局。
（2）提升城市品质。推进老旧小区改造。
"""


@pytest.mark.parametrize("text", [WORK_REPORT, NOTICE, REGULATION, SPEECH, PLAN],
                         ids=["work-report", "notice", "regulation", "speech", "plan"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_clean_documents_are_quiet(text: str, newline: str) -> None:
    doc = Document.from_text(text.replace("\n", newline))
    rules = [ActiveRule(rule(), Severity.WARNING) for rule in RULES]
    diagnostics, crashes = lint_document(doc, rules)
    assert not crashes
    found = [(d.code, d.start.line, doc.slice(d.span)) for d in diagnostics]
    assert found == []
