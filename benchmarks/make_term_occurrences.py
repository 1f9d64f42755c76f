"""Write tests/data/term_occurrences.tsv: the hand-annotated term occurrences.

The annotation is the ``FORMS`` table below: for each language, the concept
(glossary id) and the exact form in which it occurs in running text, as a
terminologist reads it (inflected, with clitics, in a different case...).
This script only looks the forms up, by plain substring search (never with
hexaglot's matcher), in real sentences:

- ``opus``: A/RES/55/100 in six languages (../shared/data/opus-un-6way, real UN text);
- ``verified``: the attested forms and quoted contexts of
  ../shared/data/terms-verified/verified_terms.tsv (real UN pages, URL kept);
- ``sample``: the E/RES/2023/26 sample set: the official French text and our
  working translations of it into the five other languages.

Rows with ``expected = 0`` (``NEGATIVES``) are sentences where the concept's
words (or a word a stemmer could confuse with them: French « avoir du mal » is
not Mali) occur but the concept does not: a match there is a false positive.

A form is annotated in every chosen sentence that contains it, so a form must
be specific enough to be the concept wherever it occurs; the annotation is
complete per concept and sentence (a concept not annotated in a sentence is not
scored there). A form that no sentence contains any more is reported by the
script (a warning), to be removed from the tables.

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
        ("victims-day", "Journée internationale du souvenir, en hommage aux victimes du terrorisme"),
        ("nelson-mandela-rules", "Ensemble de règles minima des Nations Unies pour le traitement des détenus"),
        ("unodc", "Office des Nations Unies contre la drogue et le crime"),
        ("unoct", "Bureau de lutte contre le terrorisme"),
        ("cted", "Direction exécutive du Comité contre le terrorisme"),
        ("global-ct-strategy", "Stratégie antiterroriste mondiale des Nations Unies"),
        ("global-ct-compact", "Pacte mondial de coordination contre le terrorisme des Nations Unies"),
        ("member-state", "États Membres"), ("electronic-evidence", "preuves électroniques"),
        ("electronic-evidence", "la preuve électronique"),
        ("critical-infrastructure", "infrastructures critiques"),
        ("biometric-data", "données biométriques"), ("financing-of-terrorism", "financement du terrorisme"),
        ("freezing-of-assets", "gel des avoirs"), ("money-laundering", "blanchiment d'argent"),
        ("ve-conducive-to-terrorism", "extrémisme violent pouvant conduire au terrorisme"),
        ("victims-of-terrorism", "victimes du terrorisme"), ("nelson-mandela-rules", "Règles Nelson Mandela"),
        ("mutual-legal-assistance", "entraide judiciaire"),
        ("human-rights", "droits de l' homme"), ("rule-of-law", "état de droit"),
        ("international-humanitarian-law", "droit international humanitaire"),
        ("international-refugee-law", "droit international des réfugiés"),
        ("trafficking-in-cultural-property", "trafic de biens culturels"),
        ("special-investigative-techniques", "techniques d'enquête spéciales"),
        ("central-authority", "autorités centrales"),
        ("technical-assistance", "assistance technique"),
        ("requesting-member-states", "États Membres qui en font la demande"),
        ("secretary-general", "Secrétaire général"), ("security-council", "Conseil de sécurité"),
        ("general-assembly", "Assemblée générale"),
        ("technical-assistance", "Assistance technique"),
        ("electronic-evidence", "preuves sous forme électronique"),
        ("model-law-mutual-assistance", "Loi type d'entraide judiciaire en matière pénale"),
        ("kyoto-declaration", "Déclaration de Kyoto"),
        ("unterm-01b637e1-1497-4825-b73d-e0114a7f4d22", "Swaziland"),
        ("unterm-767bae53-c5ec-41b9-8788-f86468b43873", "Cap-Vert"),
        ("unterm-956a3881-b5fe-406b-8177-9fe7d9b835af", "France"),
        # forms of the official text (E/RES/2023/26 as published, sample set since December 2026)
        ("2030-agenda", "Programme de développement durable à l'horizon 2030"),
        ("advance-passenger-information", "renseignements préalables concernant les voyageurs"),
        ("best-interests-of-the-child", "intérêt supérieur de l'enfant"),
        ("capacity-building", "renforcement des capacités"),
        ("cbrn-terrorism", "terrorisme chimique, biologique, radiologique et nucléaire"),
        ("ccpcj", "Commission pour la prévention du crime et la justice pénale"),
        ("civil-society", "société civile"),
        ("crime-congress", "Congrès des Nations Unies pour la prévention du crime et la justice pénale"),
        ("criminal-justice", "justice pénale"), ("ctc", "Comité contre le terrorisme"),
        ("ecosoc", "Conseil économique et social"),
        ("global-ct-compact", "Pacte mondial de coordination contre le terrorisme"),
        ("human-rights", "droits humains"),
        ("icao", "Organisation de l'aviation civile internationale"),
        ("international-cooperation-criminal-matters", "coopération internationale en matière pénale"),
        ("international-law", "droit international"),
        ("interpol", "Organisation internationale de police criminelle"),
        ("nuclear-terrorism-convention", "Convention internationale pour la répression des actes de terrorisme nucléaire"),
        ("passenger-name-record", "données des dossiers passagers"),
        ("radicalization-to-violence", "radicalisation menant à la violence"),
        ("soft-targets", "cibles particulièrement vulnérables"),
        ("transnational-organized-crime", "criminalité transnationale organisée"),
        ("treaty-series", "Recueil des Traités"),
        ("untoc", "Convention des Nations Unies contre la criminalité transnationale organisée"),
        ("violent-extremism", "extrémisme violent"),
        ("kyoto-declaration", "Déclaration de Kyoto visant à faire progresser la prévention de la criminalité, la justice pénale et l'état de droit : vers la réalisation du Programme de développement durable à l'horizon 2030"),
        ("kyoto-declaration", "Déclaration de Kyoto visant à faire progresser la prévention de la criminalité, la justice pénale et l’état de droit : vers la réalisation du Programme de développement durable à l’horizon 2030"),
        ("advance-passenger-information", "RPCV"), ("passenger-name-record", "PNR"), ("icao", "OACI"), ("interpol", "INTERPOL"),
        ("countering-terrorist-travel-programme", "Programme des Nations Unies de lutte contre les déplacements des terroristes"),
        ("global-ct-compact", "Pacte mondial des Nations Unies de coordination contre le terrorisme"),
        ("international-human-rights-law", "droit international des droits humains"),
        ("law-enforcement", "institutions chargées de la détection et de la répression"),
        ("practical-guide-electronic-evidence", "Guide pratique sur la demande de preuves électroniques à l'étranger"),
        ("requesting-member-states", "États Membres qui le demandent"),
        ("ve-conducive-to-terrorism", "extrémisme violent conduisant au terrorisme"),
        ("working-group-criminal-justice", "Groupe de travail sur la justice pénale, les ripostes juridiques et la lutte contre le financement du terrorisme"),
        ("iap", "International Association of Prosecutors"), ("gender-perspective", "questions de genre"),
        # concepts the glossary gained from the official text, whose names hold annotated terms
        ("human-rights-law", "droit des droits humains"),
        ("ecosoc-agenda-social-human-rights", "Questions sociales et questions relatives aux droits humains"),
        ("un-standards-and-norms", "règles et normes des Nations Unies en matière de prévention du crime et de justice pénale"),
        ("model-legislative-provisions-victims", "dispositions législatives types visant à répondre aux besoins des victimes du terrorisme et à protéger leurs droits"),
        ("passenger-name-record", "dossiers passagers"),
    ],
    "es": [
        ("foreign-terrorist-fighter", "combatientes terroristas extranjeros"), ("unodc", "UNODC"), ("cted", "DECT"),
        ("returning-relocating-ftf", "combatientes terroristas extranjeros que regresan o cambian de ubicación"),
        ("critical-infrastructure", "infraestructura crítica"),
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
        ("critical-infrastructure", "infraestructura vital"),
        ("soft-targets", "objetivos particularmente vulnerables"),
        ("biometric-data", "datos biométricos"), ("financing-of-terrorism", "Financiación del Terrorismo"),
        ("financing-of-terrorism", "financiación del terrorismo"), ("money-laundering", "blanqueo de dinero"),
        ("ve-conducive-to-terrorism", "extremismo violento que conduce al terrorismo"),
        ("victims-of-terrorism", "víctimas del terrorismo"), ("victims-of-terrorism", "Víctimas del Terrorismo"),
        ("nelson-mandela-rules", "Reglas Nelson Mandela"), ("human-rights", "derechos humanos"),
        ("human-rights", "Derechos Humanos"), ("rule-of-law", "estado de derecho"),
        ("international-humanitarian-law", "derecho internacional humanitario"),
        ("international-refugee-law", "derecho internacional de los refugiados"),
        ("central-authority", "autoridades centrales"),
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
        # forms of the working translation of the official text (sample set since December 2026)
        ("best-interests-of-the-child", "interés superior del niño"), ("capacity-building", "creación de capacidad"),
        ("ccpcj", "Comisión de Prevención del Delito y Justicia Penal"), ("civil-society", "sociedad civil"),
        ("countering-terrorist-travel-programme", "Programa de las Naciones Unidas de Lucha contra los Desplazamientos de Terroristas"),
        ("crime-congress", "Congreso de las Naciones Unidas sobre Prevención del Delito y Justicia Penal"),
        ("criminal-justice", "Justicia Penal"), ("criminal-justice", "justicia penal"),
        ("ctc", "Comité contra el Terrorismo"), ("ecosoc", "Consejo Económico y Social"),
        ("freezing-of-assets", "inmovilización de activos"), ("gender-perspective", "perspectiva de género"),
        ("global-ct-compact", "Pacto Mundial de Coordinación de la Lucha Antiterrorista de las Naciones Unidas"),
        ("iap", "Asociación Internacional de Fiscales"), ("icao", "Organización de Aviación Civil Internacional"),
        ("international-cooperation-criminal-matters", "cooperación internacional en asuntos penales"),
        ("international-law", "derecho internacional"),
        ("interpol", "Organización Internacional de Policía Criminal"), ("law-enforcement", "fuerzas del orden"),
        ("model-law-mutual-assistance", "Ley Modelo sobre Asistencia Recíproca en Materia Penal"),
        ("nuclear-terrorism-convention", "Convenio Internacional para la Represión de los Actos de Terrorismo Nuclear"),
        ("passenger-name-record", "registro de nombres de los pasajeros"),
        ("radicalization-to-violence", "radicalización que conduce a la violencia"),
        ("requesting-member-states", "Estados Miembros que lo solicitan"), ("rule-of-law", "Estado de Derecho"),
        ("special-investigative-techniques", "técnicas especiales de investigación"),
        ("trafficking-in-cultural-property", "tráfico de bienes culturales"),
        ("transnational-organized-crime", "Delincuencia Organizada Transnacional"),
        ("transnational-organized-crime", "delincuencia organizada transnacional"),
        ("treaty-series", "Treaty Series"), ("violent-extremism", "extremismo violento"),
        ("kyoto-declaration", "Declaración de Kioto sobre la Promoción de la Prevención del Delito, la Justicia Penal y el Estado de Derecho: Hacia el Cumplimiento de la Agenda 2030 para el Desarrollo Sostenible"),
        ("ve-conducive-to-terrorism", "extremismo violento cuando conduzca al terrorismo"),
        ("passenger-name-record", "PNR"), ("icao", "OACI"), ("interpol", "INTERPOL"),
        # variants named in the notes of verified_terms.tsv
        ("rule-of-law", "Estado de derecho"), ("rule-of-law", "imperio de la ley"),
        ("freezing-of-assets", "congelación de fondos"), ("freezing-of-assets", "embargo preventivo"),
        ("global-ct-compact", "Pacto Mundial de Coordinación de la Lucha Antiterrorista"),
        # concepts the glossary gained from the official text, whose names hold annotated terms
        ("human-rights-law", "derecho de los derechos humanos"),
        ("ecosoc-agenda-social-human-rights", "Cuestiones sociales y de derechos humanos"),
        ("un-standards-and-norms", "reglas y normas de las Naciones Unidas en materia de prevención del delito y justicia penal"),
        ("model-legislative-provisions-victims", "disposiciones legislativas modelo para atender las necesidades y proteger los derechos de las víctimas del terrorismo"),
    ],
    "ru": [
        ("foreign-terrorist-fighter", "иностранные боевики-террористы"),
        ("madrid-guiding-principles", "руководящие принципы в отношении иностранных боевиков-террористов"),
        ("victims-day", "Международный день памяти и поминовения жертв терроризма"),
        ("foreign-terrorist-fighter", "иностранных боевиков-террористов"),
        ("foreign-terrorist-fighter", "иностранными боевиками-террористами"),
        ("unodc", "Управление Организации Объединенных Наций по наркотикам и преступности"),
        ("unodc", "Управлением Организации Объединенных Наций по наркотикам и преступности"),
        ("unoct", "Контртеррористическим управлением"), ("unodc", "УНП ООН"), ("unoct", "КТУ ООН"),
        ("technical-assistance", "Техническая помощь"), ("unoct", "Контртеррористическое управление Организации Объединенных Наций"),
        ("cted", "Исполнительным директоратом Контртеррористического комитета"),
        ("global-ct-strategy", "Глобальной контртеррористической стратегии Организации Объединенных Наций"),
        ("member-state", "государства-члены"), ("member-state", "государствам-членам"),
        ("member-state", "государств-членов"), ("member-state", "государствами-членами"),
        ("electronic-evidence", "электронные доказательства"), ("electronic-evidence", "электронных доказательств"),
        ("critical-infrastructure", "критически важных объектов инфраструктуры"),
        ("biometric-data", "биометрических данных"),
        ("financing-of-terrorism", "финансированием терроризма"), ("financing-of-terrorism", "финансирования терроризма"),
        ("financing-of-terrorism", "финансированию терроризма"),
        ("freezing-of-assets", "замораживания активов"),
        ("money-laundering", "отмыванием денежных средств"),
        ("victims-of-terrorism", "жертвы терроризма"), ("victims-of-terrorism", "жертв терроризма"),
        ("victims-of-terrorism", "жертвам терроризма"),
        ("human-rights", "прав человека"), ("rule-of-law", "верховенства права"),
        ("mutual-legal-assistance", "взаимной правовой помощи"), ("central-authority", "центральных органов"),
        ("technical-assistance", "техническую помощь"), ("technical-assistance", "технической помощи"),
        ("secretary-general", "Генерального секретаря"), ("security-council", "Совета Безопасности"),
        ("general-assembly", "Генеральная Ассамблея"),
        ("biometric-data", "биометрические данные"),
        ("special-investigative-techniques", "специальных методов расследования"),
        ("unterm-01b637e1-1497-4825-b73d-e0114a7f4d22", "Свазиленд"),
        # forms of the working translation of the official text (sample set since December 2026)
        ("2030-agenda", "Повестки дня в области устойчивого развития на период до 2030 года"),
        ("advance-passenger-information", "предварительную информацию о пассажирах"),
        ("best-interests-of-the-child", "наилучшие интересы ребенка"),
        ("capacity-building", "укрепление потенциала"), ("capacity-building", "укреплении потенциала"),
        ("capacity-building", "укреплению потенциала"), ("capacity-building", "укрепления потенциала"),
        ("ccpcj", "Комиссии по предупреждению преступности и уголовному правосудию"),
        ("civil-society", "гражданским обществом"), ("civil-society", "гражданского общества"),
        ("civil-society", "гражданское общество"), ("civil-society", "гражданскому обществу"),
        ("countering-terrorist-travel-programme", "Программы Организации Объединенных Наций по противодействию передвижениям террористов"),
        ("crime-congress", "Конгрессом Организации Объединенных Наций по предупреждению преступности и уголовному правосудию"),
        ("criminal-justice", "уголовного правосудия"), ("criminal-justice", "уголовное правосудие"),
        ("criminal-justice", "уголовному правосудию"), ("ctc", "Контртеррористического комитета"),
        ("ecosoc", "Экономический и Социальный Совет"), ("ecosoc", "Экономическим и Социальным Советом"),
        ("gender-perspective", "гендерной проблематики"),
        ("general-assembly", "Генеральной Ассамблее"), ("general-assembly", "Генеральной Ассамблеи"),
        ("global-ct-compact", "Глобального договора Организации Объединенных Наций о координации контртеррористической деятельности"),
        ("human-rights", "правам человека"), ("iap", "Международной ассоциацией прокуроров"),
        ("icao", "Международной организацией гражданской авиации"),
        ("international-cooperation-criminal-matters", "международного сотрудничества по уголовным делам"),
        ("international-human-rights-law", "международное право прав человека"),
        ("international-human-rights-law", "международным правом прав человека"),
        ("international-humanitarian-law", "международное гуманитарное право"),
        ("international-law", "международного права"), ("international-law", "международное право"),
        ("international-law", "международному праву"), ("international-law", "международным правом"),
        ("international-refugee-law", "международное беженское право"),
        ("interpol", "Международной организацией уголовной полиции"),
        ("kyoto-declaration", "Киотской декларации"),
        ("law-enforcement", "правоохранительных органов"), ("member-state", "государствах-членах"),
        ("model-law-mutual-assistance", "Типового закона о взаимной помощи в уголовных делах"),
        ("nelson-mandela-rules", "Минимальных стандартных правил Организации Объединенных Наций в отношении обращения с заключенными"),
        ("nelson-mandela-rules", "Правил Нельсона Манделы"),
        ("nuclear-terrorism-convention", "Международной конвенции о борьбе с актами ядерного терроризма"),
        ("passenger-name-record", "записей регистрации пассажиров"),
        ("practical-guide-electronic-evidence", "Практическом руководстве по запрашиванию электронных доказательств из-за рубежа"),
        ("private-sector", "частным секторами"),
        ("requesting-member-states", "запрашивающим государствам-членам"),
        ("requesting-member-states", "запрашивающих государств-членов"),
        ("rule-of-law", "верховенству права"),
        ("trafficking-in-cultural-property", "незаконный оборот культурных ценностей"),
        ("transnational-organized-crime", "транснациональной организованной преступности"),
        ("transnational-organized-crime", "транснациональной организованной преступностью"),
        ("treaty-series", "Treaty Series"),
        ("unodc", "Управлению Организации Объединенных Наций по наркотикам и преступности"),
        ("unodc", "Управления Организации Объединенных Наций по наркотикам и преступности"),
        ("untoc", "Конвенция Организации Объединенных Наций против транснациональной организованной преступности"),
        ("violent-extremism", "насильственного экстремизма"),
        ("working-group-criminal-justice", "Рабочей группе по вопросам уголовного правосудия, правовых мер и противодействия финансированию терроризма"),
        ("critical-infrastructure", "критически важные объекты инфраструктуры"),
        ("financing-of-terrorism", "финансировании терроризма"),
        ("kyoto-declaration", "Киотской декларации об активизации деятельности по предупреждению преступности, уголовному правосудию и верховенству права: на пути к осуществлению Повестки дня в области устойчивого развития на период до 2030 года"),
        ("ve-conducive-to-terrorism", "насильственного экстремизма, ведущего к терроризму"),
        ("advance-passenger-information", "предварительной информации о пассажирах"),
        ("cted", "Исполнительный директорат Контртеррористического комитета"), ("cted", "ИДКТК"),
        ("global-ct-compact", "Глобального договора о координации контртеррористической деятельности"),
        ("radicalization-to-violence", "радикализации, ведущей к насилию"),
        ("cbrn-terrorism", "химическому, биологическому, радиологическому и ядерному терроризму"),
        # concepts the glossary gained from the official text, whose names hold annotated terms
        ("human-rights-law", "право прав человека"),
        ("human-rights-law", "праву прав человека"),
        ("ecosoc-agenda-social-human-rights", "Социальные вопросы и вопросы прав человека"),
        ("un-standards-and-norms", "стандартов и норм Организации Объединенных Наций в области предупреждения преступности и уголовного правосудия"),
        ("model-legislative-provisions-victims", "типовые законодательные положения, направленные на удовлетворение потребностей жертв терроризма и защиту их прав"),
    ],
    "zh": [
        ("foreign-terrorist-fighter", "外国恐怖主义作战人员"), ("unoct", "反恐办"), ("cted", "反恐执行局"),
        ("international-human-rights-law", "国际人权法"),
        ("victims-day", "纪念和悼念恐怖主义受害者国际日"), ("unodc", "毒罪办"), ("interpol", "国际刑警组织"),
        ("kyoto-declaration", "关于推进预防犯罪、刑事司法和法治:努力实现〈2030年可持续发展议程〉的京都宣言"),
        ("kyoto-declaration", "关于推进预防犯罪、刑事司法和法治：努力实现〈2030年可持续发展议程〉的京都宣言"),
        ("crime-congress", "联合国预防犯罪和刑事司法大会"), ("ccpcj", "预防犯罪和刑事司法委员会"),("unodc", "联合国毒品和犯罪问题办公室"),
        ("unodc", "毒品和犯罪问题办公室"), ("unoct", "联合国反恐怖主义办公室"), ("cted", "反恐怖主义委员会执行局"),
        ("global-ct-strategy", "联合国全球反恐战略"), ("global-ct-compact", "联合国全球反恐协调契约"),
        ("member-state", "会员国"), ("electronic-evidence", "电子证据"), ("critical-infrastructure", "关键基础设施"),
        ("biometric-data", "生物特征数据"), ("money-laundering", "洗钱"),
        ("ve-conducive-to-terrorism", "助长恐怖主义的暴力极端主义"), ("victims-of-terrorism", "恐怖主义受害者"),
        ("human-rights", "人权"), ("rule-of-law", "法治"), ("international-humanitarian-law", "国际人道主义法"),
        ("international-refugee-law", "国际难民法"), ("technical-assistance", "技术援助"),
        ("secretary-general", "秘书长"), ("security-council", "安全理事会"),
        ("2030-agenda", "2030年可持续发展议程"), ("untoc", "联合国打击跨国有组织犯罪公约"),
        ("nelson-mandela-rules", "纳尔逊·曼德拉规则"),
        ("nelson-mandela-rules", "联合国囚犯待遇最低限度标准规则"),
        ("requesting-member-states", "提出请求的会员国"), ("interpol", "国际刑事警察组织"),
        ("cbrn-terrorism", "化学、生物、放射及核恐怖主义"), ("criminal-justice", "刑事司法"),
        ("transnational-organized-crime", "跨国有组织犯罪"), ("capacity-building", "能力建设"),
        ("freezing-of-assets", "冻结资产"),
        ("unterm-01b637e1-1497-4825-b73d-e0114a7f4d22", "斯威士兰"),
        ("unterm-956a3881-b5fe-406b-8177-9fe7d9b835af", "法国"),
        # forms of the working translation of the official text (sample set since December 2026)
        ("civil-society", "民间社会"), ("ctc", "反恐怖主义委员会"), ("ecosoc", "经济及社会理事会"),
        ("global-ct-compact", "全球反恐协调契约"), ("icao", "国际民用航空组织"),
        ("model-law-mutual-assistance", "刑事事项互助示范法"),
        ("nuclear-terrorism-convention", "制止核恐怖主义行为国际公约"),
        ("practical-guide-electronic-evidence", "跨境请求电子证据实用指南"), ("soft-targets", "软目标"),
        ("treaty-series", "条约汇编"), ("working-group-criminal-justice", "刑事司法、法律对策和打击资助恐怖主义工作组"),
        ("returning-relocating-ftf", "回返和转移的外国恐怖主义作战人员"), ("icao", "国际民航组织"),
        ("advance-passenger-information", "预报旅客信息"), ("best-interests-of-the-child", "儿童的最大利益"),
        ("central-authority", "中央机关"), ("countering-terrorist-travel-programme", "联合国打击恐怖分子旅行方案"),
        ("financing-of-terrorism", "资助恐怖主义"), ("gender-perspective", "性别观点"), ("iap", "国际检察官协会"),
        ("international-cooperation-criminal-matters", "刑事事项国际合作"),
        # 国际法 alone would also be annotated inside 国际法律 (legal), which is not international law
        ("international-law", "适用的国际法"),
        ("mutual-legal-assistance", "司法协助"), ("mutual-legal-assistance", "司法互助"),
        ("passenger-name-record", "旅客姓名记录"),
        ("radicalization-to-violence", "导致暴力的激进化"), ("special-investigative-techniques", "特殊侦查手段"),
        ("trafficking-in-cultural-property", "贩运文化财产"), ("unoct", "反恐怖主义办公室"),
        ("violent-extremism", "暴力极端主义"),
        ("general-assembly", "大会"), ("law-enforcement", "执法"),
        # concepts the glossary gained from the official text, whose names hold annotated terms
        ("human-rights-law", "人权法"),
        ("ecosoc-agenda-social-human-rights", "社会和人权问题"),
        ("un-standards-and-norms", "联合国预防犯罪和刑事司法标准和规范"),
        ("model-legislative-provisions-victims", "支持恐怖主义受害者需要和保护其权利示范立法条款"),
        ("handbook-children-terrorist-groups", "关于被恐怖主义团体和暴力极端主义团体招募和利用的儿童的手册：司法系统的作用"),
    ],
    "ar": [
        ("foreign-terrorist-fighter", "المقاتلون الإرهابيون الأجانب"),
        ("victims-day", "اليوم الدولي لإحياء ذكرى ضحايا الإرهاب وإجلالهم"),
        ("international-human-rights-law", "القانون الدولي لحقوق الإنسان"),
        ("practical-guide-electronic-evidence", "الدليل العملي لطلب الأدلة الإلكترونية عبر الحدود"),
        ("ccpcj", "لجنة منع الجريمة والعدالة الجنائية"), ("crime-congress", "مؤتمر الأمم المتحدة الرابع عشر لمنع الجريمة والعدالة الجنائية"),
        ("foreign-terrorist-fighter", "المقاتلين الإرهابيين الأجانب"),
        ("foreign-terrorist-fighter", "بالمقاتلين الإرهابيين الأجانب"),
        ("unodc", "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"),
        ("unoct", "مكتب الأمم المتحدة لمكافحة الإرهاب"),
        ("cted", "المديرية التنفيذية للجنة مكافحة الإرهاب"), ("cted", "والمديرية التنفيذية للجنة مكافحة الإرهاب"),
        ("global-ct-strategy", "استراتيجية الأمم المتحدة العالمية لمكافحة الإرهاب"),
        ("global-ct-compact", "ميثاق الأمم المتحدة العالمي لتنسيق مكافحة الإرهاب"),
        ("member-state", "الدول الأعضاء"), ("requesting-member-states", "الدول الأعضاء التي تطلب ذلك"),
        ("requesting-member-states", "الدول الأعضاء التي تطلبها"), ("member-state", "للدول الأعضاء"),
        ("electronic-evidence", "الأدلة الإلكترونية"), ("critical-infrastructure", "الهياكل الأساسية الحيوية"),
        ("financing-of-terrorism", "تمويل الإرهاب"),
        ("freezing-of-assets", "تجميد الأصول"), ("money-laundering", "وغسل الأموال"), ("money-laundering", "غسل الأموال"),
        ("ve-conducive-to-terrorism", "والتطرف العنيف المفضي إلى الإرهاب"),
        ("ve-conducive-to-terrorism", "التطرف العنيف المفضي إلى الإرهاب"),
        ("victims-of-terrorism", "ضحايا الإرهاب"), ("human-rights", "حقوق الإنسان"), ("human-rights", "وحقوق الإنسان"),
        ("rule-of-law", "وسيادة القانون"), ("rule-of-law", "سيادة القانون"),
        ("international-humanitarian-law", "والقانون الإنساني الدولي"),
        ("international-refugee-law", "والقانون الدولي للاجئين"),
        ("technical-assistance", "المساعدة التقنية"), ("technical-assistance", "بالمساعدة التقنية"),
        ("technical-assistance", "للمساعدة التقنية"), ("secretary-general", "الأمين العام"),
        ("security-council", "مجلس الأمن"), ("general-assembly", "الجمعية العامة"),
        ("advance-passenger-information", "المعلومات المسبقة عن الركاب"),
        ("capacity-building", "لبناء قدرات"), ("criminal-justice", "العدالة الجنائية"),
        ("unterm-01b637e1-1497-4825-b73d-e0114a7f4d22", "سوازيلند"),
        # forms of the working translation of the official text (sample set since December 2026)
        ("2030-agenda", "خطة التنمية المستدامة لعام 2030"), ("best-interests-of-the-child", "مصالح الطفل الفضلى"),
        ("biometric-data", "البيانات البيومترية"), ("capacity-building", "بناء القدرات"),
        ("capacity-building", "بناء قدرات"), ("capacity-building", "لبناء القدرات"),
        ("cbrn-terrorism", "الإرهاب الكيميائي والبيولوجي والإشعاعي والنووي"),
        ("central-authority", "سلطات مركزية"), ("civil-society", "المجتمع المدني"),
        ("civil-society", "للمجتمع المدني"), ("civil-society", "والمجتمع المدني"),
        ("countering-terrorist-travel-programme", "برنامج الأمم المتحدة لمكافحة سفر الإرهابيين"),
        ("ctc", "للجنة مكافحة الإرهاب"), ("ecosoc", "المجلس الاقتصادي والاجتماعي"),
        ("electronic-evidence", "أدلة رقمية"), ("electronic-evidence", "الأدلة الرقمية"),
        ("foreign-terrorist-fighter", "بمقاتلين إرهابيين أجانب"), ("iap", "والرابطة الدولية للمدعين العامين"),
        ("icao", "منظمة الطيران المدني الدولي"),
        ("international-cooperation-criminal-matters", "التعاون الدولي في المسائل الجنائية"),
        ("international-human-rights-law", "للقانون الدولي لحقوق الإنسان"),
        ("international-law", "القانون الدولي"), ("international-law", "للقانون الدولي"),
        ("international-law", "والقانون الدولي"), ("international-law", "وللقانون الدولي"),
        ("interpol", "المنظمة الدولية للشرطة الجنائية"), ("kyoto-declaration", "إعلان كيوتو"),
        ("law-enforcement", "إنفاذ القانون"),
        ("model-law-mutual-assistance", "القانون النموذجي بشأن تبادل المساعدة في المسائل الجنائية"),
        ("mutual-legal-assistance", "المساعدة القانونية المتبادلة"),
        ("nelson-mandela-rules", "قواعد الأمم المتحدة النموذجية الدنيا لمعاملة السجناء"),
        ("nelson-mandela-rules", "قواعد نيلسون مانديلا"),
        ("nuclear-terrorism-convention", "للاتفاقية الدولية لقمع أعمال الإرهاب النووي"),
        ("passenger-name-record", "سجلات أسماء الركاب"),
        ("radicalization-to-violence", "التطرف المفضي إلى العنف"),
        ("soft-targets", "الأهداف السهلة"), ("soft-targets", "الأهداف المعرضة للخطر"),
        ("special-investigative-techniques", "أساليب التحري الخاصة"),
        ("trafficking-in-cultural-property", "للاتجار غير المشروع بالممتلكات الثقافية"),
        ("transnational-organized-crime", "الجريمة المنظمة عبر الوطنية"),
        ("treaty-series", "مجموعة المعاهدات"), ("unoct", "مكتب مكافحة الإرهاب"),
        ("untoc", "اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية"),
        ("violent-extremism", "التطرف العنيف"),
        ("working-group-criminal-justice", "الفريق العامل المعني بالعدالة الجنائية والتصدي القانوني ومكافحة تمويل الإرهاب"),
        ("technical-assistance", "مساعدة تقنية"), ("criminal-justice", "عدالة جنائية"),
        ("kyoto-declaration", "إعلان كيوتو بشأن النهوض بمنع الجريمة والعدالة الجنائية وسيادة القانون: نحو تحقيق خطة التنمية المستدامة لعام 2030"),
        ("radicalization-to-violence", "للتطرف المفضي إلى العنف"), ("interpol", "الإنتربول"),
        ("gender-perspective", "الاعتبارات الجنسانية"),
        # concepts the glossary gained from the official text, whose names hold annotated terms
        ("human-rights-law", "قانون حقوق الإنسان"),
        ("ecosoc-agenda-social-human-rights", "المسائل الاجتماعية ومسائل حقوق الإنسان"),
        ("un-standards-and-norms", "معايير الأمم المتحدة وقواعدها في مجال منع الجريمة والعدالة الجنائية"),
        ("model-legislative-provisions-victims", "الأحكام التشريعية النموذجية لتلبية احتياجات ضحايا الإرهاب وحماية حقوقهم"),
    ],
    "en": [
        ("foreign-terrorist-fighter", "foreign terrorist fighters"), ("foreign-terrorist-fighter", "FTFs"),
        ("unodc", "UNODC"), ("unoct", "UNOCT"),
        ("returning-relocating-ftf", "returning and relocating foreign terrorist fighters"),
        ("electronic-evidence", "e-evidence"),
        ("practical-guide-electronic-evidence", "Practical Guide for Requesting Electronic Evidence Across Borders"),
        ("international-human-rights-law", "international human rights law"),
        ("requesting-member-states", "requesting Member States"),
        ("unodc", "United Nations Office on Drugs and Crime"), ("unoct", "Office of Counter-Terrorism"),
        ("member-state", "Member States"), ("electronic-evidence", "electronic evidence"),
        ("electronic-evidence", "Electronic Evidence"), ("critical-infrastructure", "critical infrastructure"),
        ("soft-targets", "soft targets"), ("money-laundering", "money-laundering"),
        ("victims-of-terrorism", "victims of terrorism"), ("victims-of-terrorism", "Victims of Terrorism"),
        ("human-rights", "human rights"),
        ("central-authority", "central authorities"),
        ("unterm-01b637e1-1497-4825-b73d-e0114a7f4d22", "Swaziland"),
        ("unterm-767bae53-c5ec-41b9-8788-f86468b43873", "Cape Verde"),
        # forms of the working translation of the official text (sample set since December 2026)
        ("2030-agenda", "2030 Agenda for Sustainable Development"),
        ("advance-passenger-information", "advance passenger information"),
        ("best-interests-of-the-child", "best interests of the child"), ("biometric-data", "biometric data"),
        ("capacity-building", "capacity-building"),
        ("cbrn-terrorism", "chemical, biological, radiological and nuclear terrorism"),
        ("ccpcj", "Commission on Crime Prevention and Criminal Justice"), ("civil-society", "civil society"),
        ("countering-terrorist-travel-programme", "United Nations Countering Terrorist Travel Programme"),
        ("crime-congress", "United Nations Congress on Crime Prevention and Criminal Justice"),
        ("criminal-justice", "Criminal Justice"), ("criminal-justice", "criminal justice"),
        ("ctc", "Counter-Terrorism Committee"), ("cted", "Counter-Terrorism Committee Executive Directorate"),
        ("ecosoc", "Economic and Social Council"), ("financing-of-terrorism", "Financing of Terrorism"),
        ("financing-of-terrorism", "financing of terrorism"), ("freezing-of-assets", "freezing of assets"),
        ("gender-perspective", "gender perspective"), ("general-assembly", "General Assembly"),
        ("global-ct-compact", "Global Counter-Terrorism Coordination Compact"),
        ("global-ct-compact", "United Nations Global Counter-Terrorism Coordination Compact"),
        ("global-ct-strategy", "United Nations Global Counter-Terrorism Strategy"),
        ("iap", "International Association of Prosecutors"), ("icao", "International Civil Aviation Organization"),
        ("international-cooperation-criminal-matters", "international cooperation in criminal matters"),
        ("international-humanitarian-law", "international humanitarian law"), ("international-law", "international law"),
        ("international-refugee-law", "international refugee law"),
        ("interpol", "International Criminal Police Organization"), ("kyoto-declaration", "Kyoto Declaration"),
        ("law-enforcement", "law enforcement"),
        ("model-law-mutual-assistance", "Model Law on Mutual Assistance in Criminal Matters"),
        ("mutual-legal-assistance", "mutual legal assistance"), ("nelson-mandela-rules", "Nelson Mandela Rules"),
        ("nelson-mandela-rules", "United Nations Standard Minimum Rules for the Treatment of Prisoners"),
        ("nuclear-terrorism-convention", "International Convention for the Suppression of Acts of Nuclear Terrorism"),
        ("passenger-name-record", "passenger name record"), ("private-sector", "private sectors"),
        ("radicalization-to-violence", "radicalization to violence"), ("rule-of-law", "Rule of Law"),
        ("rule-of-law", "rule of law"), ("secretary-general", "Secretary-General"),
        ("security-council", "Security Council"),
        ("special-investigative-techniques", "special investigative techniques"),
        ("technical-assistance", "Technical assistance"), ("technical-assistance", "technical assistance"),
        ("trafficking-in-cultural-property", "trafficking in cultural property"),
        ("transnational-organized-crime", "Transnational Organized Crime"),
        ("transnational-organized-crime", "transnational organized crime"), ("treaty-series", "Treaty Series"),
        ("untoc", "United Nations Convention against Transnational Organized Crime"),
        ("ve-conducive-to-terrorism", "violent extremism as and when conducive to terrorism"),
        ("ve-conducive-to-terrorism", "violent extremism conducive to terrorism"),
        ("violent-extremism", "violent extremism"),
        ("working-group-criminal-justice", "Working Group on Criminal Justice, Legal Responses and Countering the Financing of Terrorism"),
        ("soft-targets", "particularly vulnerable targets"),
        ("kyoto-declaration", "Kyoto Declaration on Advancing Crime Prevention, Criminal Justice and the Rule of Law: Towards the Achievement of the 2030 Agenda for Sustainable Development"),
        ("soft-targets", "vulnerable targets"), ("cted", "CTED"), ("iap", "IAP"), ("icao", "ICAO"), ("interpol", "Interpol"),
        # concepts the glossary gained from the official text, whose names hold annotated terms
        ("human-rights-law", "human rights law"),
        ("ecosoc-agenda-social-human-rights", "Social and human rights questions"),
        ("un-standards-and-norms", "United Nations standards and norms in crime prevention and criminal justice"),
        ("model-legislative-provisions-victims", "Model Legislative Provisions to Support the Needs and Protect the Rights of Victims of Terrorism"),
    ],
}

# (lang, concept, sentence, source): the concept must NOT be found in the sentence.
NEGATIVES = [
    # the Office alone is not the Office's full name
    ("fr", "unodc", "sur la prévention de l'extrémisme violent par le sport publiés par l'Office", "sample (op.8)"),
    ("en", "unodc", "developed by the Office on the treatment of children associated with terrorist and violent extremist groups", "sample (pp.17)"),
    ("es", "unodc", "elaboradas por la Oficina en colaboración con la Unión Interparlamentaria", "sample (op.27)"),
    ("ru", "unodc", "и с удовлетворением отмечает деятельность Управления в этой области", "sample (op.30)"),
    ("zh", "unodc", "以及该办公室制定的关于处理与恐怖主义团体和暴力极端主义团体有关联的儿童问题的路线图", "sample (pp.17)"),
    ("ar", "unodc", "التي أعدها المكتب بالتعاون مع الاتحاد البرلماني الدولي ومكتب مكافحة الإرهاب", "sample (op.27)"),
    ("ru", "unoct", "Управлением Организации Объединенных Наций по наркотикам и преступности", "sample (title)"),
    ("es", "unoct", "la Oficina de las Naciones Unidas contra la Droga y el Delito", "sample (pp.12)"),
    # terrorists are not foreign terrorist fighters
    ("fr", "foreign-terrorist-fighter", "les terroristes cherchent toujours à exploiter les conditions sous-jacentes", "sample (pp.14)"),
    ("en", "foreign-terrorist-fighter", "terrorists continue to seek to exploit the underlying conditions", "sample (pp.14)"),
    ("es", "foreign-terrorist-fighter", "los terroristas siguen tratando de aprovechar las condiciones subyacentes", "sample (pp.14)"),
    ("ru", "foreign-terrorist-fighter", "террористы по-прежнему стремятся использовать в своих целях глубинные", "sample (pp.14)"),
    ("zh", "foreign-terrorist-fighter", "恐怖分子继续设法利用某些国家存在的根本条件", "sample (pp.14)"),
    ("ar", "foreign-terrorist-fighter", "الإرهابيين يستفيدون في بعض الحالات من الجريمة المنظمة عبر الوطنية", "sample (pp.16)"),
    ("fr", "financing-of-terrorism", "de renforcer leurs systèmes de contrôle financier et de réglementation financière", "sample (op.16)"),
    # violent extremist groups are not violent extremism
    ("fr", "violent-extremism", "les enfants recrutés et exploités par des groupes terroristes et extrémistes violents", "sample (pp.17)"),
    ("en", "violent-extremism", "Children Recruited and Exploited by Terrorist and Violent Extremist Groups", "sample (pp.17)"),
    ("es", "violent-extremism", "los niños reclutados y explotados por grupos terroristas y extremistas violentos", "sample (pp.17)"),
    ("ru", "violent-extremism", "вербуемых и эксплуатируемых террористическими и насильственными экстремистскими группами", "sample (pp.17)"),
    # common words that share a stem or letters with a country name
    ("fr", "unterm-b7a39708-aeae-4419-a942-2abfe51e947d", "Sachant que les États Membres peuvent avoir du mal, notamment dans les zones touchées par des conflits armés", "sample (pp.18)"),
    ("ru", "unterm-877fe7b1-e940-43c4-9197-fd6a25af17c9", "независимо от их мотивов, а также от того, когда, где и кем они совершаются", "sample (pp.1)"),
    ("ru", "unterm-415596ca-1981-4435-8596-c5a39741ebcb", "а также контактные данные назначенных органов", "sample (op.12)"),
    ("ar", "unterm-b7a39708-aeae-4419-a942-2abfe51e947d", "وتعزيز نظمها للرقابة المالية والتنظيم المالي", "sample (op.16)"),
    ("ar", "unterm-ba6d30ba-2cc9-4fd9-be1d-e03e841676cd", "لا يمكن ولا ينبغي ربطه بأي دين أو جنسية أو حضارة أو جماعة عرقية", "sample (pp.2)"),
    ("ar", "unterm-48fef743-cab7-4bcb-b62a-d7db8c392f1b", "المؤرخ 30 حزيران/يونيه 2021", "sample (pp.9)"),
    # an international legal framework is not international law
    ("zh", "international-law", "协助其加入这些国际法律文书并将其纳入国内法", "sample (op.1)"),
    ("zh", "international-law", "打击化学、生物、放射及核恐怖主义国际法律框架的专门知识", "sample (op.24)"),
    ("ar", "international-law", "الصكوك القانونية الدولية وإدماجها في القانون", "sample (op.1)"),
    ("ar", "international-law", "بالإطار القانوني الدولي لمكافحة الإرهاب", "sample (op.24)"),
    ("fr", "member-state", "Engage une fois de plus tous les États à garantir à tous les étrangers", "opus (unit 12)"),
    ("fr", "human-rights", "l' exercice du droit des intéressés d' envoyer des fonds", "opus (unit 15)"),
    ("es", "member-state", "Exhorta una vez más a todos los Estados a que garanticen la libertad", "opus (unit 12)"),
    ("ru", "member-state", "призывает все государства разрешать в соответствии с международно-правовыми документами", "opus (unit 14)"),
    ("zh", "member-state", "再次呼吁所有国家保证合法居住其境内的所有外国国民享有公认的旅行自由", "opus (unit 12)"),
    ("ar", "member-state", "تهيب مرة أخرى بجميع الدول أن تكفل حرية السفر", "opus (unit 12)"),
    ("ar", "human-rights", "الحريات الأساسية عالمية ولا تتجزأ", "opus (unit 8)"),
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
