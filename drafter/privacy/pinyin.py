"""Chinese names written in pinyin: a common Chinese family name next to a given name of one or
two pinyin syllables ("Li Na", "Zhang Wei", "Xiaoming Wang", "WANG Xiaoming", "Chen Jia-Yi").

Pinyin given names are short and rare in the first-name lists and word frequencies ("Na",
"Wei", "Jiayi"), and the family names are few: about a hundred cover most people. Both words
must be capitalised (the family name may be in capitals). A pair of two everyday words ("He
Man", "Sun Long") is no name; in the order given name first, the given name must not be an
everyday word itself ("Die Wang" is a German article before a name).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from drafter.privacy.memos import customer_memo
from drafter.privacy.spans import Span, words

# the most common Chinese family names in pinyin (Mainland spelling)
SURNAMES = words(
    """
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng
    liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan cai jiang yu du ye
    cheng su wei lu ding ren shen yao jin fu zhong cui tan fan qiu shi xue qian dai kong bai
    mao qin gu hou shao meng long wan duan lei yin hao jia xiong lai wen fang kang mo qiao
    shu ouyang situ zhuge
    """
)
# every pinyin syllable without tones (the standard table)
SYLLABLES = words(
    """
    a ai an ang ao e ei en eng er o ou
    ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
    pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu
    ma mai man mang mao mei men meng mi mian miao mie min ming miu mo mou mu
    fa fan fang fei fen feng fo fou fu
    da dai dan dang dao de dei den deng di dian diao die ding diu dong dou du duan dui dun duo
    ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
    na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan
    nuo nü nüe nv nve
    la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu luan
    lun luo lü lüe lv lve
    ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
    ka kai kan kang kao ke ken keng kong kou ku kua kuai kuan kuang kui kun kuo
    ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
    ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
    qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
    xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun
    zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang
    zhui zhun zhuo
    cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui
    chun chuo
    sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui
    shun shuo
    ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo
    za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo
    ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo
    sa sai san sang sao se sen seng si song sou su suan sui sun suo
    ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun
    wa wai wan wang wei wen weng wo wu
    """
)
_EVERYDAY = 4.5  # wordfreq zipf from which a word is an everyday German or English word
_LONGEST = max(len(s) for s in SYLLABLES)
# a capitalised word of up to six letters (or one in capitals): a family name is looked up
_SHORT_WORD = re.compile(r"(?<![\w'-])[A-Z](?:[a-z]{0,5}|[A-Z]{1,5})(?![\w'-])")
_AFTER = re.compile(r"[ ]([A-Z][a-zü]{1,11}(?:[-'][A-Za-zü][a-zü]{0,5})?)(?![\w'-])")
_BEFORE = re.compile(r"(?<![\w'-])([A-Z][a-zü]{1,11}(?:[-'][A-Za-zü][a-zü]{0,5})?)[ ]$")


@customer_memo  # a word of a customer's mail: emptied when its redaction ends
@lru_cache(maxsize=4096)
def given_name(word: str) -> bool:
    """Is `word` one or two pinyin syllables ("Na", "Wei", "Xiaoming", "Jia-Yi", "Xi'an")?"""
    low = word.casefold().replace("-", "").replace("'", "")
    if not low or len(low) > 2 * _LONGEST:
        return False
    if low in SYLLABLES:
        return True
    return any(low[:i] in SYLLABLES and low[i:] in SYLLABLES for i in range(1, min(len(low), 7)))


def find_pinyin_names(text: str, zipf: Callable[[str], float]) -> Iterator[Span]:
    """NAME spans of a Chinese family name with a pinyin given name before or after it."""
    for m in _SHORT_WORD.finditer(text):
        family = m.group()
        if family.casefold() not in SURNAMES:
            continue
        after = _AFTER.match(text, m.end())
        if after and given_name(after.group(1)) and after.group(1).casefold() != family.lower():
            given = after.group(1)
            if not (zipf(family) >= _EVERYDAY and zipf(given) >= _EVERYDAY):
                yield Span(m.start(), after.end(), "NAME", "Chinese name (pinyin)")
                continue
        before = _BEFORE.search(text, max(0, m.start() - 16), m.start())
        if before and given_name(before.group(1)):
            given = before.group(1)
            if given.casefold() != family.lower() and (
                zipf(given) < _EVERYDAY or (family.isupper() and len(family) > 1)
            ):
                yield Span(before.start(1), m.end(), "NAME", "Chinese name (pinyin)")
