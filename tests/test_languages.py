# ruff: noqa: E501  (news paragraphs are kept one per line, as scraped text has them)
"""Text in other languages is not damaged (issue 5, part 3).

Plain news articles (a headline and paragraphs, no boilerplate) in French,
German, Spanish, Italian, Portuguese, Russian, Greek, Turkish, Arabic, Hebrew,
Hindi, Chinese, Japanese and Korean must come out unchanged (modulo whitespace
normalisation): the language-independent rules stay conservative, and the
English-only rules (spin repair, English phrase lists) do not fire, even
when a word happens to be spelt like an English one.
"""

from __future__ import annotations

import pytest

import cleantext

ARTICLES: dict[str, str] = {
    "fr": """Le gouvernement présente un plan pour les transports régionaux

PARIS (AFP) — Le gouvernement a présenté mardi un plan de trois milliards d'euros destiné à moderniser les lignes ferroviaires régionales, a annoncé le ministre des Transports lors d'une conférence de presse.

« Nous voulons que chaque habitant puisse prendre le train à moins de vingt minutes de chez lui », a déclaré le ministre, précisant que les premiers travaux commenceraient dès l'automne.

Les syndicats ont salué une « avancée », tout en regrettant l'absence de calendrier précis pour les lignes les plus fréquentées. Plusieurs régions réclament depuis des années des investissements dans le matériel roulant.

Selon les individus interrogés par l'institut de sondage, la majorité des usagers jugent le service actuel insuffisant.""",
    "de": """Bundesregierung beschließt neues Klimaschutzprogramm

Die Bundesregierung hat am Mittwoch ein neues Klimaschutzprogramm beschlossen, das den Ausbau der Windenergie an Land beschleunigen soll. Genehmigungsverfahren sollen künftig höchstens sechs Monate dauern.

„Wir können es uns nicht leisten, weitere Jahre zu verlieren“, sagte die Ministerin in Berlin. Kritik kam von Umweltverbänden, denen die Maßnahmen nicht weit genug gehen.

Die Opposition warf der Regierung vor, die Kosten für die Verbraucher zu verschweigen. Eine Abstimmung im Bundestag ist für den Herbst geplant.""",
    "es": """El Gobierno aprueba una subida del salario mínimo

MADRID — El Consejo de Ministros aprobó este martes una subida del salario mínimo interprofesional del cinco por ciento, que beneficiará a unos dos millones de trabajadores, según los datos del Ministerio de Trabajo.

La ministra defendió la medida como «un paso imprescindible» para compensar la inflación de los últimos años. Las organizaciones empresariales, en cambio, advirtieron de que la subida podría frenar la contratación dentro de las pequeñas empresas.

Los sindicatos celebraron el acuerdo y anunciaron que seguirán negociando la reducción de la jornada laboral.""",
    "it": """Maltempo in Emilia-Romagna, evacuate centinaia di famiglie

Centinaia di famiglie sono state evacuate nella notte in Emilia-Romagna dopo che le piogge torrenziali hanno fatto esondare diversi fiumi. La protezione civile ha aperto quattro centri di accoglienza.

«La situazione è ancora critica, ma sotto controllo», ha detto il presidente della Regione in una conferenza stampa. Le scuole resteranno chiuse fino a venerdì in dodici comuni.""",
    "pt": """Governo anuncia novo programa de habitação

O Governo anunciou nesta segunda-feira um programa de habitação que prevê a construção de vinte mil casas com rendas acessíveis até ao final da década.

Segundo o ministro, as primeiras obras deverão começar no próximo ano em Lisboa e no Porto. As associações de inquilinos consideraram o anúncio positivo, mas insuficiente face à procura.""",
    "ru": """Правительство утвердило программу развития регионов

Правительство России в понедельник утвердило программу развития регионов до 2030 года, сообщила пресс-служба кабинета министров. На реализацию программы планируется направить около двух триллионов рублей.

«Главная задача — сократить разрыв в уровне жизни между крупными городами и малыми населёнными пунктами», — заявил премьер-министр на заседании правительства.

Эксперты отмечают, что успех программы будет зависеть от того, насколько эффективно регионы смогут использовать выделенные средства.""",
    "el": """Νέα μέτρα στήριξης για τους συνταξιούχους

Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα στήριξης για τους συνταξιούχους, με έκτακτο επίδομα που θα καταβληθεί τον Δεκέμβριο. Το μέτρο αφορά περίπου ένα εκατομμύριο δικαιούχους.

Η αντιπολίτευση χαρακτήρισε τα μέτρα ανεπαρκή και ζήτησε μόνιμες αυξήσεις. Θα αρκέσουν τα μέτρα; Οι οικονομολόγοι εμφανίζονται διχασμένοι.""",
    "tr": """Merkez Bankası faizi sabit tuttu

Merkez Bankası, perşembe günü yapılan toplantıda politika faizini yüzde elli seviyesinde sabit tuttu. Banka, enflasyondaki düşüşün sürmesi için sıkı duruşun korunacağını açıkladı.

Ekonomistler kararın beklentilerle uyumlu olduğunu belirterek, faiz indirimlerinin gelecek yılın ikinci yarısında başlayabileceğini öngörüyor.""",
    "ar": """الحكومة تعلن عن خطة جديدة لدعم الشركات الصغيرة

أعلنت الحكومة يوم الاثنين عن خطة جديدة لدعم الشركات الصغيرة والمتوسطة بقيمة ملياري دولار، وذلك في إطار جهودها لتعزيز النمو الاقتصادي وخلق فرص العمل.

وقال وزير الاقتصاد في مؤتمر صحفي إن الخطة ستوفر قروضا ميسرة وإعفاءات ضريبية للشركات الناشئة خلال السنوات الثلاث المقبلة.

هل ستنجح الخطة في تحقيق أهدافها؟ يرى خبراء أن التنفيذ الفعلي سيكون الاختبار الحقيقي.""",
    "he": """הממשלה אישרה תוכנית לשיפור התחבורה הציבורית

הממשלה אישרה ביום ראשון תוכנית בהיקף של מיליארדי שקלים לשיפור התחבורה הציבורית בערי הפריפריה. התוכנית כוללת קווי אוטובוס חדשים והרחבה של רשת הרכבות.

שר התחבורה אמר כי העבודות הראשונות יחלו כבר בשנה הבאה. ארגוני הנוסעים בירכו על ההחלטה, אך הזהירו מפני עיכובים.""",
    "hi": """सरकार ने किसानों के लिए नई योजना की घोषणा की

केंद्र सरकार ने सोमवार को किसानों के लिए एक नई योजना की घोषणा की, जिसके तहत छोटे किसानों को सस्ती दरों पर ऋण दिया जाएगा। कृषि मंत्री ने कहा कि इस योजना से करीब दो करोड़ किसानों को लाभ होगा।

विपक्ष ने योजना का स्वागत किया, लेकिन कहा कि इसे लागू करने की समय-सीमा स्पष्ट नहीं है।""",
    "zh": """国务院常务会议部署稳就业措施

国务院总理周三主持召开国务院常务会议，部署进一步稳定就业的政策措施。会议指出，要加大对中小企业的支持力度，鼓励企业吸纳高校毕业生就业。

会议强调，各地区要落实减税降费政策，优化营商环境，切实减轻企业负担。

专家认为，这些措施有助于缓解当前的就业压力，但效果仍有待观察。""",
    "ja": """政府、物価高対策の新たな経済対策を決定

政府は月曜日の臨時閣議で、物価高への対応を柱とする新たな経済対策を決定した。電気料金やガス料金の負担軽減策を来年春まで延長する。

首相は記者会見で「国民生活を守るため、あらゆる手段を講じる」と述べた。

一方、野党からは財源の裏付けが不十分だとの批判が出ている。""",
    "ko": """정부, 저출생 대책 발표

정부는 화요일 저출생 문제에 대응하기 위한 종합 대책을 발표했다. 육아휴직 급여를 인상하고 신혼부부의 주거 지원을 확대하는 내용이 담겼다.

전문가들은 이번 대책이 출생률 반등으로 이어질지는 지켜봐야 한다고 평가했다.""",
}


def _norm(text: str) -> str:
    """Whitespace normalisation: lines trimmed, runs of blank lines made one."""
    paragraphs: list[list[str]] = [[]]
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join("\n".join(p) for p in paragraphs if p)


SPIN_RULES = {"spin_phrase", "spin_word", "tortured_phrase"}


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_plain_article_is_unchanged(lang: str) -> None:
    text = ARTICLES[lang]
    result = cleantext.clean_and_explain(text)
    assert result.actions == (), [(a.line, a.rule, a.reason) for a in result.actions]
    assert result.text == _norm(text)


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_repair_leaves_plain_article_alone(lang: str) -> None:
    assert cleantext.repair(ARTICLES[lang]) == _norm(ARTICLES[lang])


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_spin_detection_says_not_english(lang: str) -> None:
    spin = cleantext.clean_and_explain(ARTICLES[lang]).metadata["spin"]
    assert spin is not None
    assert spin["is_spun"] is False
    assert spin["evidence"]["english"] is False


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_article_with_crlf_and_extra_whitespace(lang: str) -> None:
    """Line endings and stray indentation are normalised, nothing else changes."""
    text = "\r\n".join("  " + ln + "\t" if ln else "   " for ln in ARTICLES[lang].split("\n"))
    assert cleantext.clean(text) == _norm(ARTICLES[lang])


# Words that are spelt like entries of the English spin tables ("within",
# "stated", "individuals", "folks") or like English prompts, inside text that
# is not English: none of the English-only rules may touch them.
ENGLISH_LOOKALIKES = [
    # Spanish/Italian "dentro", French "individus", plus an English loan phrase.
    "Le gouvernement a publié mardi un rapport sur les individus concernés par la réforme des retraites. "
    "Le ministre a stated en anglais que la décision était « within the rules », selon ses propres mots.",
    # German sentence with an English quote that a spinner table knows ("mass taking pictures").
    "Die Polizei sprach am Abend von einem Großeinsatz. Ein britischer Reporter schrieb auf Englisch "
    "von einer mass taking pictures, was in deutschen Medien für Spott sorgte.",
    # Dutch/Afrikaans words that are English words too.
    "De regering heeft dinsdag een nieuw plan voor de woningmarkt gepresenteerd. Folks in de "
    "oppositie noemden het plan te laat en te klein, maar de minister hield vol dat het werkt.",
]


@pytest.mark.parametrize("text", ENGLISH_LOOKALIKES)
def test_english_only_rules_do_not_fire_on_other_languages(text: str) -> None:
    result = cleantext.clean_and_explain(text)
    assert not [a for a in result.actions if a.rule in SPIN_RULES]
    assert result.text == text


# Language-independent rules on non-English pages: real boilerplate still goes,
# the article stays.  (Rules may not know the foreign furniture words; what
# matters is that article lines are kept.)
@pytest.mark.parametrize("lang", ["fr", "de", "ru", "zh", "ja", "ar"])
def test_article_lines_survive_english_furniture(lang: str) -> None:
    doc = "Skip to main content\n\n" + ARTICLES[lang] + "\n\nShare this article\n\nAdvertisement"
    result = cleantext.clean_and_explain(doc)
    assert result.text == _norm(ARTICLES[lang])
    assert {a.before for a in result.dropped} == {"Skip to main content", "Share this article", "Advertisement"}


def test_cjk_sentences_are_prose_not_kickers() -> None:
    """A plain Japanese article stays whole (no spaced headline below any line)."""
    doc = "日本\n\n" + ARTICLES["ja"]
    kept = cleantext.clean(doc)
    for line in ARTICLES["ja"].split("\n"):
        if line.strip():
            assert line.strip() in kept


# A Japanese sentence has no spaces and ends with '。': to a space counter it is
# one word, and '。' is not in the ASCII terminal-punctuation class, so a whole
# sentence above a headline written with spaces (usual in Japanese and Chinese
# headlines) is taken for a one-word "kicker" and dropped.
CJK_ABOVE_SPACED_HEADLINE = [
    "政府は月曜日の臨時閣議で、物価高への対応を柱とする新たな経済対策を決定した。\n\n"
    "岸田首相 G7サミットで 演説 ウクライナ支援を 表明へ\n\n"
    "首相は記者会見で「国民生活を守るため、あらゆる手段を講じる」と述べた。",
    "国务院总理周三主持召开国务院常务会议，部署进一步稳定就业的政策措施。\n\n"
    "新华社北京3月5日电（记者 王明 李华 张伟）\n\n"
    "会议强调，各地区要落实减税降费政策，优化营商环境，切实减轻企业负担。",
]


@pytest.mark.parametrize("doc", CJK_ABOVE_SPACED_HEADLINE, ids=["ja", "zh"])
def test_cjk_sentence_above_spaced_headline_is_kept(doc: str) -> None:
    result = cleantext.clean_and_explain(doc)
    assert [a for a in result.dropped if a.rule == "category_tag"] == []
    first = doc.split("\n")[0]
    assert first in result.text
