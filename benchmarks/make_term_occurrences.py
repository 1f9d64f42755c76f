"""Write tests/data/term_occurrences.tsv: the hand-annotated term occurrences.

The annotation is the ``FORMS`` table below: for each language, the concept
(glossary id) and the exact form in which it occurs in running text, as a
terminologist reads it (inflected, with clitics, in a different case...).
This script only looks the forms up, by plain substring search (never with
hexaglot's matcher), in real sentences:

- ``opus``: A/RES/55/100 in six languages (../shared/data/opus-un-6way, real UN text);
- ``verified``: the attested forms and quoted contexts of
  ../shared/data/terms-verified/verified_terms.tsv (real UN pages, URL kept);
- ``sample``: the E/RES/2023/26 sample set (hexaglot team texts in UN style).

Rows with ``expected = 0`` (``NEGATIVES``) are sentences where the concept's
words occur but the concept does not: a match there is a false positive.

Run from the repository root: ``python benchmarks/make_term_occurrences.py``.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared" / "data"
OUT = REPO / "tests" / "data" / "term_occurrences.tsv"

FORMS: dict[str, list[tuple[str, str]]] = {
    "fr": [
        ("foreign-terrorist-fighter", "combattants terroristes étrangers"), ("unodc", "ONUDC"), ("cted", "DECT"),
        ("unoct", "Bureau de la lutte contre le terrorisme"), ("unoct", "Bureau des Nations Unies contre le terrorisme"),
        ("rule-of-law", "Etat de droit"), ("rule-of-law", "État de droit"),
        ("financing-convention", "Convention internationale pour la répression du financement du terrorisme"),
        ("victims-day", "Journée internationale du souvenir, en hommage aux victimes du terrorisme"),
        ("international-human-rights-law", "droit international des droits de l'homme"),
        ("nelson-mandela-rules", "Ensemble de règles minima des Nations Unies pour le traitement des détenus"),
        ("working-group-criminal-justice", "Groupe de travail sur la justice pénale, les réponses juridiques et la lutte contre le financement du terrorisme"),
        ("practical-guide-electronic-evidence", "Guide pratique pour les demandes de preuves électroniques transfrontières"),
        ("madrid-guiding-principles", "Principes directeurs relatifs aux combattants terroristes étrangers"),
        ("unodc", "Office des Nations Unies contre la drogue et le crime"),
        ("unoct", "Bureau de lutte contre le terrorisme"),
        ("cted", "Direction exécutive du Comité contre le terrorisme"),
        ("global-ct-strategy", "Stratégie antiterroriste mondiale des Nations Unies"),
        ("global-ct-compact", "Pacte mondial de coordination contre le terrorisme des Nations Unies"),
        ("member-state", "États Membres"), ("electronic-evidence", "preuves électroniques"),
        ("electronic-evidence", "la preuve électronique"),
        ("critical-infrastructure", "infrastructures critiques"), ("soft-targets", "cibles vulnérables"),
        ("biometric-data", "données biométriques"), ("financing-of-terrorism", "financement du terrorisme"),
        ("freezing-of-assets", "gel des avoirs"), ("money-laundering", "blanchiment d'argent"),
        ("ve-conducive-to-terrorism", "extrémisme violent pouvant conduire au terrorisme"),
        ("victims-of-terrorism", "victimes du terrorisme"), ("nelson-mandela-rules", "Règles Nelson Mandela"),
        ("mutual-legal-assistance", "entraide judiciaire"), ("human-rights", "droits de l'homme"),
        ("human-rights", "droits de l' homme"), ("rule-of-law", "état de droit"),
        ("international-humanitarian-law", "droit international humanitaire"),
        ("international-refugee-law", "droit international des réfugiés"),
        ("trafficking-in-cultural-property", "trafic de biens culturels"),
        ("special-investigative-techniques", "techniques d'enquête spéciales"),
        ("central-authority", "autorités centrales"), ("terrorist-offence", "infractions terroristes"),
        ("kidnapping-for-ransom", "enlèvements contre rançon"), ("financial-investigation", "enquêtes financières"),
        ("legislative-guide", "guides législatifs"), ("model-law", "lois types"),
        ("criminal-justice-officials", "agents de la justice pénale"),
        ("violent-extremist-prisoners", "détenus extrémistes violents"),
        ("technical-assistance", "assistance technique"),
        ("requesting-member-states", "États Membres qui en font la demande"),
        ("secretary-general", "Secrétaire général"), ("security-council", "Conseil de sécurité"),
        ("general-assembly", "Assemblée générale"),
        ("returning-relocating-ftf", "retour et la relocalisation des combattants terroristes étrangers"),
        ("madrid-guiding-principles", "Principes directeurs de Madrid"), ("technical-assistance", "Assistance technique"),
        ("electronic-evidence", "preuves sous forme électronique"),
        ("model-law-mutual-assistance", "Loi type d'entraide judiciaire en matière pénale"),
        ("kyoto-declaration", "Déclaration de Kyoto visant à faire progresser la prévention de la criminalité, la justice pénale et l'état de droit\xa0: vers la réalisation du Programme de développement durable à l'horizon 2030"),
        ("kyoto-declaration", "Déclaration de Kyoto"),
        ("unterm-01b637e1-1497-4825-b73d-e0114a7f4d22", "Swaziland"),
        ("unterm-767bae53-c5ec-41b9-8788-f86468b43873", "Cap-Vert"),
        ("unterm-956a3881-b5fe-406b-8177-9fe7d9b835af", "France"),
    ],
    "es": [
        ("foreign-terrorist-fighter", "combatientes terroristas extranjeros"), ("unodc", "UNODC"), ("cted", "DECT"),
        ("returning-relocating-ftf", "combatientes terroristas extranjeros que regresan o cambian de ubicación"),
        ("critical-infrastructure", "infraestructura crítica"),
        ("returning-relocating-ftf", "regreso y la reubicación de los combatientes terroristas extranjeros"),
        ("financing-convention", "Convenio Internacional para la Represión de la Financiación del Terrorismo"),
        ("victims-day", "Día Internacional de Conmemoración y Homenaje a las Víctimas del Terrorismo"),
        ("international-human-rights-law", "derecho internacional de los derechos humanos"),
        ("requesting-member-states", "Estados Miembros que lo soliciten"), ("unoct", "OLCT"), ("advance-passenger-information", "API"),
        ("2030-agenda", "Agenda 2030 de Desarrollo Sostenible"), ("technical-assistance", "Asistencia técnica"),
        ("nelson-mandela-rules", "Reglas Mínimas de las Naciones Unidas para el Tratamiento de los Reclusos"),
        ("practical-guide-electronic-evidence", "Guía práctica para solicitar pruebas electrónicas a través de las fronteras"),
        ("requesting-member-states", "Estados Miembros que la soliciten"),
        ("working-group-criminal-justice", "Grupo de Trabajo sobre Justicia Penal, Respuestas Jurídicas y Lucha contra la Financiación del Terrorismo"),
        ("unodc", "Oficina de las Naciones Unidas contra la Droga y el Delito"),
        ("unoct", "Oficina de Lucha contra el Terrorismo"),
        ("cted", "Dirección Ejecutiva del Comité contra el Terrorismo"),
        ("global-ct-strategy", "Estrategia Global de las Naciones Unidas contra el Terrorismo"),
        ("member-state", "Estados Miembros"), ("electronic-evidence", "pruebas electrónicas"),
        ("critical-infrastructure", "infraestructura vital"), ("soft-targets", "objetivos vulnerables"),
        ("soft-targets", "objetivos particularmente vulnerables"),
        ("biometric-data", "datos biométricos"), ("financing-of-terrorism", "Financiación del Terrorismo"),
        ("financing-of-terrorism", "financiación del terrorismo"), ("money-laundering", "blanqueo de dinero"),
        ("ve-conducive-to-terrorism", "extremismo violento que conduce al terrorismo"),
        ("victims-of-terrorism", "víctimas del terrorismo"), ("victims-of-terrorism", "Víctimas del Terrorismo"),
        ("nelson-mandela-rules", "Reglas Nelson Mandela"), ("human-rights", "derechos humanos"),
        ("human-rights", "Derechos Humanos"), ("rule-of-law", "estado de derecho"),
        ("international-humanitarian-law", "derecho internacional humanitario"),
        ("international-refugee-law", "derecho internacional de los refugiados"),
        ("central-authority", "autoridades centrales"), ("terrorist-offence", "delitos de terrorismo"),
        ("financial-investigation", "investigaciones financieras"), ("model-law", "leyes modelo"),
        ("legislative-guide", "guías legislativas"), ("criminal-justice-officials", "funcionarios de justicia penal"),
        ("technical-assistance", "asistencia técnica"), ("secretary-general", "Secretario General"),
        ("security-council", "Consejo de Seguridad"), ("general-assembly", "Asamblea General"),
        ("kyoto-declaration", "Declaración de Kioto"),
        ("2030-agenda", "Agenda 2030 para el Desarrollo Sostenible"),
        ("untoc", "Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional"),
        ("advance-passenger-information", "información anticipada sobre los pasajeros"),
        ("advance-passenger-information", "información anticipada sobre pasajeros"),
        ("mutual-legal-assistance", "asistencia judicial recíproca"),
        ("mutual-legal-assistance", "asistencia jurídica mutua"),
        ("cbrn-terrorism", "terrorismo químico, biológico, radiológico y nuclear"),
        ("unterm-01b637e1-1497-4825-b73d-e0114a7f4d22", "Swazilandia"),
        ("unterm-956a3881-b5fe-406b-8177-9fe7d9b835af", "Francia"),
    ],
    "ru": [
        ("foreign-terrorist-fighter", "иностранные боевики-террористы"),
        ("madrid-guiding-principles", "руководящие принципы в отношении иностранных боевиков-террористов"),
        ("returning-relocating-ftf", "возвращением и перемещением иностранных боевиков-террористов"),
        ("requesting-member-states", "государствам-членам по их просьбе"),
        ("requesting-member-states", "государствам-членам, обращающимся с соответствующими просьбами"),
        ("working-group-criminal-justice", "Рабочую группу по уголовному правосудию, правовым мерам реагирования и противодействию финансированию терроризма"),
        ("practical-guide-electronic-evidence", "Практического руководства по запросу электронных доказательств из-за рубежа"),
        ("financing-convention", "Международную конвенцию о борьбе с финансированием терроризма"),
        ("victims-day", "Международный день памяти и поминовения жертв терроризма"),
        ("international-human-rights-law", "международному праву прав человека"),
        ("international-human-rights-law", "международного права прав человека"),
        ("madrid-guiding-principles", "Руководящих принципов в отношении иностранных боевиков-террористов"),
        ("foreign-terrorist-fighter", "иностранных боевиков-террористов"),
        ("foreign-terrorist-fighter", "иностранными боевиками-террористами"),
        ("unodc", "Управление Организации Объединенных Наций по наркотикам и преступности"),
        ("unodc", "Управлением Организации Объединенных Наций по наркотикам и преступности"),
        ("unoct", "Контртеррористическим управлением"), ("unodc", "УНП ООН"), ("unoct", "КТУ ООН"),
        ("madrid-guiding-principles", "Мадридских руководящих принципов"), ("technical-assistance", "Техническая помощь"), ("unoct", "Контртеррористическое управление Организации Объединенных Наций"),
        ("cted", "Исполнительным директоратом Контртеррористического комитета"),
        ("global-ct-strategy", "Глобальную контртеррористическую стратегию Организации Объединенных Наций"),
        ("global-ct-strategy", "Глобальной контртеррористической стратегии Организации Объединенных Наций"),
        ("member-state", "государства-члены"), ("member-state", "государствам-членам"),
        ("member-state", "государств-членов"), ("member-state", "государствами-членами"),
        ("electronic-evidence", "электронные доказательства"), ("electronic-evidence", "электронных доказательств"),
        ("critical-infrastructure", "критически важных объектов инфраструктуры"),
        ("soft-targets", "уязвимых целей"), ("biometric-data", "биометрических данных"),
        ("financing-of-terrorism", "финансированием терроризма"), ("financing-of-terrorism", "финансирования терроризма"),
        ("financing-of-terrorism", "финансированию терроризма"),
        ("freezing-of-assets", "замораживания активов"), ("money-laundering", "отмывания денежных средств"),
        ("money-laundering", "отмыванием денежных средств"),
        ("victims-of-terrorism", "жертвы терроризма"), ("victims-of-terrorism", "жертв терроризма"),
        ("victims-of-terrorism", "жертвам терроризма"),
        ("human-rights", "прав человека"), ("rule-of-law", "верховенства права"),
        ("international-humanitarian-law", "международным гуманитарным правом"),
        ("international-humanitarian-law", "международному гуманитарному праву"),
        ("mutual-legal-assistance", "взаимной правовой помощи"), ("central-authority", "центральных органов"),
        ("technical-assistance", "техническую помощь"), ("technical-assistance", "технической помощи"),
        ("secretary-general", "Генерального секретаря"), ("security-council", "Совета Безопасности"),
        ("general-assembly", "Генеральной Ассамблеей"), ("general-assembly", "Генеральная Ассамблея"),
        ("biometric-data", "биометрические данные"),
        ("special-investigative-techniques", "специальных методов расследования"),
        ("unterm-01b637e1-1497-4825-b73d-e0114a7f4d22", "Свазиленд"),
    ],
    "zh": [
        ("foreign-terrorist-fighter", "外国恐怖主义作战人员"), ("unoct", "反恐办"), ("cted", "反恐执行局"), ("returning-relocating-ftf", "外国恐怖主义作战人员回返和转移"),
        ("practical-guide-electronic-evidence", "跨境电子证据请求实用指南"), ("criminal-justice-officials", "刑事司法官员"),
        ("international-human-rights-law", "国际人权法"),
        ("victims-day", "纪念和悼念恐怖主义受害者国际日"), ("unodc", "毒罪办"), ("interpol", "国际刑警组织"),
        ("kyoto-declaration", "关于推进预防犯罪、刑事司法和法治:努力实现〈2030年可持续发展议程〉的京都宣言"),
        ("working-group-criminal-justice", "刑事司法、法律对策和打击资助恐怖主义行为工作组"),
        ("kyoto-declaration", "关于推进预防犯罪、刑事司法和法治：努力实现〈2030年可持续发展议程〉的京都宣言"),
        ("crime-congress", "联合国预防犯罪和刑事司法大会"), ("ccpcj", "预防犯罪和刑事司法委员会"),("unodc", "联合国毒品和犯罪问题办公室"),
        ("unodc", "毒品和犯罪问题办公室"), ("unoct", "联合国反恐怖主义办公室"), ("cted", "反恐怖主义委员会执行局"),
        ("global-ct-strategy", "联合国全球反恐战略"), ("global-ct-compact", "联合国全球反恐协调契约"),
        ("member-state", "会员国"), ("electronic-evidence", "电子证据"), ("critical-infrastructure", "关键基础设施"),
        ("soft-targets", "易受攻击目标"), ("biometric-data", "生物特征数据"), ("money-laundering", "洗钱"),
        ("ve-conducive-to-terrorism", "助长恐怖主义的暴力极端主义"), ("victims-of-terrorism", "恐怖主义受害者"),
        ("human-rights", "人权"), ("rule-of-law", "法治"), ("international-humanitarian-law", "国际人道主义法"),
        ("international-refugee-law", "国际难民法"), ("technical-assistance", "技术援助"),
        ("secretary-general", "秘书长"), ("security-council", "安全理事会"),
        ("2030-agenda", "2030年可持续发展议程"), ("untoc", "联合国打击跨国有组织犯罪公约"),
        ("uncac", "联合国反腐败公约"), ("nelson-mandela-rules", "纳尔逊·曼德拉规则"),
        ("nelson-mandela-rules", "联合国囚犯待遇最低限度标准规则"),
        ("requesting-member-states", "提出请求的会员国"), ("interpol", "国际刑事警察组织"),
        ("cbrn-terrorism", "化学、生物、放射及核恐怖主义"), ("criminal-justice", "刑事司法"),
        ("financing-convention", "制止向恐怖主义提供资助的国际公约"),
        ("transnational-organized-crime", "跨国有组织犯罪"), ("capacity-building", "能力建设"),
        ("freezing-of-assets", "冻结资产"), ("international-humanitarian-law", "国际人道主义法"),
        ("unterm-01b637e1-1497-4825-b73d-e0114a7f4d22", "斯威士兰"),
        ("unterm-956a3881-b5fe-406b-8177-9fe7d9b835af", "法国"),
    ],
    "ar": [
        ("foreign-terrorist-fighter", "المقاتلون الإرهابيون الأجانب"),
        ("returning-relocating-ftf", "عودة المقاتلين الإرهابيين الأجانب وانتقالهم"),
        ("working-group-criminal-justice", "الفريق العامل المعني بالعدالة الجنائية والتدابير القانونية ومكافحة تمويل الإرهاب"),
        ("criminal-justice-officials", "موظفي العدالة الجنائية"),
        ("financing-convention", "الاتفاقية الدولية لقمع تمويل الإرهاب"),
        ("victims-day", "اليوم الدولي لإحياء ذكرى ضحايا الإرهاب وإجلالهم"),
        ("international-human-rights-law", "القانون الدولي لحقوق الإنسان"),
        ("practical-guide-electronic-evidence", "الدليل العملي لطلب الأدلة الإلكترونية عبر الحدود"),
        ("ccpcj", "لجنة منع الجريمة والعدالة الجنائية"), ("crime-congress", "مؤتمر الأمم المتحدة الرابع عشر لمنع الجريمة والعدالة الجنائية"),
        ("foreign-terrorist-fighter", "المقاتلين الإرهابيين الأجانب"),
        ("foreign-terrorist-fighter", "بالمقاتلين الإرهابيين الأجانب"),
        ("unodc", "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"),
        ("unoct", "مكتب الأمم المتحدة لمكافحة الإرهاب"), ("unoct", "ومكتب الأمم المتحدة لمكافحة الإرهاب"),
        ("cted", "المديرية التنفيذية للجنة مكافحة الإرهاب"), ("cted", "والمديرية التنفيذية للجنة مكافحة الإرهاب"),
        ("global-ct-strategy", "استراتيجية الأمم المتحدة العالمية لمكافحة الإرهاب"),
        ("global-ct-compact", "ميثاق الأمم المتحدة العالمي لتنسيق مكافحة الإرهاب"),
        ("member-state", "الدول الأعضاء"), ("requesting-member-states", "الدول الأعضاء التي تطلب ذلك"),
        ("requesting-member-states", "الدول الأعضاء التي تطلبها"), ("member-state", "للدول الأعضاء"),
        ("electronic-evidence", "الأدلة الإلكترونية"), ("critical-infrastructure", "الهياكل الأساسية الحيوية"),
        ("biometric-data", "والبيانات البيومترية"), ("financing-of-terrorism", "تمويل الإرهاب"),
("freezing-of-assets", "وتجميد الأصول"),
        ("freezing-of-assets", "تجميد الأصول"), ("money-laundering", "وغسل الأموال"), ("money-laundering", "غسل الأموال"),
        ("ve-conducive-to-terrorism", "والتطرف العنيف المفضي إلى الإرهاب"),
        ("ve-conducive-to-terrorism", "التطرف العنيف المفضي إلى الإرهاب"),
        ("victims-of-terrorism", "ضحايا الإرهاب"), ("human-rights", "حقوق الإنسان"), ("human-rights", "وحقوق الإنسان"),
        ("rule-of-law", "وسيادة القانون"), ("rule-of-law", "سيادة القانون"),
        ("international-humanitarian-law", "والقانون الإنساني الدولي"),
        ("international-humanitarian-law", "للقانون الإنساني الدولي"),
        ("international-refugee-law", "والقانون الدولي للاجئين"),
        ("mutual-legal-assistance", "والمساعدة القانونية المتبادلة"),
        ("technical-assistance", "المساعدة التقنية"), ("technical-assistance", "بالمساعدة التقنية"),
        ("technical-assistance", "للمساعدة التقنية"), ("secretary-general", "الأمين العام"),
        ("security-council", "مجلس الأمن"), ("general-assembly", "الجمعية العامة"),
        ("passenger-name-record", "وسجلات أسماء الركاب"), ("advance-passenger-information", "المعلومات المسبقة عن الركاب"),
        ("capacity-building", "لبناء قدرات"), ("criminal-justice", "العدالة الجنائية"),
        ("unterm-01b637e1-1497-4825-b73d-e0114a7f4d22", "سوازيلند"),
    ],
    "en": [
        ("foreign-terrorist-fighter", "foreign terrorist fighters"), ("foreign-terrorist-fighter", "FTFs"),
        ("unodc", "UNODC"), ("unoct", "UNOCT"),
        ("returning-relocating-ftf", "returning and relocating foreign terrorist fighters"),
        ("electronic-evidence", "e-evidence"),
        ("practical-guide-electronic-evidence", "Practical Guide for Requesting Electronic Evidence Across Borders"),
        ("victims-day", "International Day of Remembrance of and Tribute to the Victims of Terrorism"),
        ("international-human-rights-law", "international human rights law"),
        ("requesting-member-states", "requesting Member States"),
        ("unodc", "United Nations Office on Drugs and Crime"), ("unoct", "Office of Counter-Terrorism"),
        ("member-state", "Member States"), ("electronic-evidence", "electronic evidence"),
        ("electronic-evidence", "Electronic Evidence"), ("critical-infrastructure", "critical infrastructure"),
        ("soft-targets", "soft targets"), ("money-laundering", "money-laundering"),
        ("victims-of-terrorism", "victims of terrorism"), ("victims-of-terrorism", "Victims of Terrorism"),
        ("human-rights", "human rights"), ("terrorist-offence", "terrorist offences"),
        ("central-authority", "central authorities"), ("legislative-guide", "legislative guides"),
        ("model-law", "model laws"), ("financial-investigation", "financial investigations"),
        ("unterm-01b637e1-1497-4825-b73d-e0114a7f4d22", "Swaziland"),
        ("unterm-767bae53-c5ec-41b9-8788-f86468b43873", "Cape Verde"),
    ],
}

# (lang, concept, sentence, source): the concept must NOT be found in the sentence.
NEGATIVES = [
    ("fr", "unodc", "Prie l'Office de continuer à aider les États Membres.", "sample (op.17, shortened)"),
    ("fr", "foreign-terrorist-fighter", "les terroristes continuent d'utiliser abusivement les technologies", "sample (pp.10)"),
    ("fr", "financing-of-terrorism", "des terroristes tirent profit de la criminalité transnationale organisée pour financer leurs activités", "sample (pp.9)"),
    ("fr", "member-state", "Engage une fois de plus tous les États à garantir à tous les étrangers", "opus (unit 12)"),
    ("fr", "human-rights", "l' exercice du droit des intéressés d' envoyer des fonds", "opus (unit 15)"),
    ("es", "unodc", "la Oficina capacitó a más de 2500 funcionarios de justicia penal", "sample (pp.16)"),
    ("es", "foreign-terrorist-fighter", "los terroristas siguen haciendo un uso indebido de las tecnologías", "sample (pp.10)"),
    ("es", "member-state", "Exhorta una vez más a todos los Estados a que garanticen la libertad", "opus (unit 12)"),
    ("es", "unoct", "la Oficina de las Naciones Unidas contra la Droga y el Delito", "sample (pp.1)"),
    ("ru", "unodc", "Управление провело подготовку более 2500 сотрудников", "sample (pp.16)"),
    ("ru", "unoct", "Управлением Организации Объединенных Наций по наркотикам и преступности", "sample (title)"),
    ("ru", "foreign-terrorist-fighter", "террористы извлекают выгоду из транснациональной организованной преступности", "sample (pp.9)"),
    ("ru", "member-state", "призывает все государства разрешать в соответствии с международно-правовыми документами", "opus (unit 14)"),
    ("zh", "unodc", "联合国反恐怖主义办公室", "sample (pp.15)"),
    ("zh", "member-state", "再次呼吁所有国家保证合法居住其境内的所有外国国民享有公认的旅行自由", "opus (unit 12)"),
    ("zh", "foreign-terrorist-fighter", "恐怖分子继续滥用信息和通信技术", "sample (pp.10)"),
    ("ar", "unodc", "وإذ تلاحظ مع التقدير أيضا التعاون الوثيق بين المكتب ومكتب الأمم المتحدة لمكافحة الإرهاب", "sample (pp.15)"),
    ("ar", "member-state", "تهيب مرة أخرى بجميع الدول أن تكفل حرية السفر", "opus (unit 12)"),
    ("ar", "foreign-terrorist-fighter", "لأن الإرهابيين يستفيدون من الجريمة المنظمة عبر الوطنية", "sample (pp.9)"),
    ("ar", "human-rights", "الحريات الأساسية عالمية ولا تتجزأ", "opus (unit 8)"),
    ("en", "unodc", "Requests the Office to continue to assist Member States", "sample (op.17, shortened)"),
    ("en", "foreign-terrorist-fighter", "terrorists continue to misuse information and communications technologies", "sample (pp.10)"),
    ("en", "member-state", "Calls upon all States to allow the free flow of financial remittances", "opus (unit 14)"),
]


def sentences() -> dict[str, list[tuple[str, str]]]:
    """(sentence, source) per language from the three sources."""
    from aligner.readers import read_document

    result: dict[str, list[tuple[str, str]]] = {lang: [] for lang in FORMS}
    for lang in FORMS:
        path = REPO / "samples" / "E-RES-2023-26" / f"{lang}.md"
        for unit in read_document(str(path)).units:
            result[lang].append((unit.text, f"sample E-RES-2023-26/{lang}.md {unit.id}"))
    with (SHARED / "opus-un-6way" / "A-RES-55-100.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            unit = json.loads(line)
            for lang in FORMS:
                result[lang].append((unit[lang], f"opus A/RES/55/100 unit {unit['unit_id']}"))
    with (SHARED / "terms-verified" / "verified_terms.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["lang"] in result and row["term"] != "not found":
                url = row["evidence"].split(" ")[0]
                for text in (row["term"], row["note"]):
                    if text:
                        result[row["lang"]].append((text, f"verified_terms.tsv {url}"))
    return result


def main() -> None:
    pool = sentences()
    rows = []
    for lang, forms in FORMS.items():
        chosen: dict[str, str] = {}
        for concept, form in forms:
            found = [(sentence, source) for sentence, source in pool[lang] if form in sentence][:5]
            if not found:
                print(f"warning: {lang}: form {form!r} not found in any sentence", file=sys.stderr)
            chosen.update(found)
        # every listed form occurring in a chosen sentence is annotated there, so the gold is complete
        for sentence, source in chosen.items():
            for concept, form in forms:
                if form in sentence:
                    rows.append((lang, concept, form, 1, sentence, source))
    for lang, concept, sentence, source in NEGATIVES:
        rows.append((lang, concept, "", 0, sentence, source))
    rows = list(dict.fromkeys(rows))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(("lang", "concept_id", "form", "expected", "sentence", "source"))
        writer.writerows(rows)
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
