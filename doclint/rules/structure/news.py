"""The vocabulary of news datelines, in one place: who files a report and how its dateline
reads (``新华社北京3月8日电``, ``本报讯``, ``央视网消息（新闻联播）``).

A page of collected news holds many items, each written on its own day, with its own numbering
and its own wording; the years family dates each item by its dateline, the structure rules
restart numbering and compare text within one item. They build their patterns from these
pieces, so that all of them know the same agencies and the same forms.
"""

from __future__ import annotations

# News agencies, newspapers, broadcasters and their sites.
AGENCY = (r"(?:新华社|新华网|人民网|人民日报|本报|本台|本网|中新社|中新网|中国新闻网|央视网|央视新闻|"
          r"央广网|光明网|中国网|环球网|国际在线|中国日报|经济日报|光明日报|法制日报|解放军报|"
          r"中国青年报|工人日报|农民日报)")
# The day of a dateline, in Arabic, full-width or Chinese numerals.
NEWS_DAY = r"[0-9０-９一二三四五六七八九十]{1,3}"
# Place and date after the agency, ending the dateline: 北京3月8日电, 北京2015年3月8日讯.
NEWS_DATE = (rf"\p{{Han}}{{0,12}}?(?:(?:19|20)\d{{2}}年)?{NEWS_DAY}月{NEWS_DAY}日"
             r"(?:[0-9０-９]{1,2}时)?(?:电|讯|消息)")
# A dateline without place and date: 本报讯, 央视网消息（新闻联播）.
SHORT_DATELINE = r"(?:讯|消息)(?:<[^<>]{0,40}>)*(?:[（(][^（()）]{1,12}[）)])?"
# Any dateline that opens a report.
DATELINE = rf"{AGENCY}(?:{NEWS_DATE}|{SHORT_DATELINE})"
