"""The concepts of the un-counter-terrorism glossary, as the terminologist typed them.

Read by ``build_un_counter_terrorism.py``, which attaches the evidence of
``../shared/data/terms-verified/verified_terms.tsv`` to each term and writes
``glossaries/un-counter-terrorism.tbx`` (the record) and its CSV twin.

Each language value lists terms separated by ``;``. A prefix gives the
status (none = preferred, ``~`` admitted, ``!`` deprecated, ``^`` superseded);
``{exact}`` or ``{pattern}`` sets the match type (default: inflected, exact
for acronyms); ``[shortForm]``, ``[acronym]``... the term type; text after
``#`` is a note on the term.
"""

E = dict  # one concept: id, tsv (concept_en in verified_terms.tsv), pos, subject, note, and the six languages

CT, BODY, LAW, CJ, DOC, TRAVEL = "counter-terrorism", "UN bodies and offices", "international law", \
    "crime prevention and criminal justice", "UN documents and instruments", "border security"

CONCEPTS = [
    E(id="foreign-terrorist-fighter", tsv="foreign terrorist fighters", subject=CT,
      note="S/RES/2178 (2014), S/RES/2396 (2017). Chinese UN usage changed from 战斗人员 (2014) to 作战人员.",
      en="foreign terrorist fighter; FTF [acronym]",
      fr="combattant terroriste étranger",
      es="combatiente terrorista extranjero",
      ru="иностранный боевик-террорист; ИБТ [acronym]; !иностранный террорист-боевик # press word order, not UN",
      zh="外国恐怖主义作战人员; ^外国恐怖主义战斗人员 # 2014-era UN rendering (S/RES/2170, 2178), later texts use 作战人员",
      ar="المقاتلون الإرهابيون الأجانب"),
    E(id="returning-relocating-ftf", tsv="returning and relocating foreign terrorist fighters", subject=CT,
      en="returning and relocating foreign terrorist fighters",
      fr="retour et relocalisation des combattants terroristes étrangers; retour et la relocalisation des combattants terroristes étrangers",
      es="combatientes terroristas extranjeros que regresan o cambian de ubicación; ~regreso y la reubicación de los combatientes terroristas extranjeros",
      ru="возвращающиеся и перемещающиеся иностранные боевики-террористы; ~возвращение и перемещение иностранных боевиков-террористов",
      zh="回返和转移的外国恐怖主义作战人员; ~回返外国恐怖主义作战人员; ~外国恐怖主义作战人员回返和转移",
      ar="المقاتلون الإرهابيون الأجانب العائدون والمنتقلون; ~المقاتلين الإرهابيين الأجانب العائدين أو المنتقلين إلى أماكن أخرى; "
         "~عودة المقاتلين الإرهابيين الأجانب وانتقالهم"),
    E(id="unodc", tsv="United Nations Office on Drugs and Crime", pos="properNoun", subject=BODY,
      note="Named UNODC in 2002 (ST/SGB/2004/6); formerly the Office for Drug Control and Crime Prevention "
           "(ODCCP, 1997-2002), which had joined the United Nations International Drug Control Programme (UNDCP) "
           "and the Centre for International Crime Prevention. Former names are recorded as superseded.",
      en="United Nations Office on Drugs and Crime; UNODC [acronym]; "
         "^United Nations Office for Drug Control and Crime Prevention; ^Office for Drug Control and Crime Prevention; "
         "^ODCCP [acronym]; ^United Nations International Drug Control Programme; ^UNDCP [acronym]",
      fr="Office des Nations Unies contre la drogue et le crime; ONUDC [acronym]; "
         "^Office des Nations Unies pour le contrôle des drogues et la prévention du crime; "
         "^Programme des Nations Unies pour le contrôle international des drogues; ^PNUCID [acronym]",
      es="Oficina de las Naciones Unidas contra la Droga y el Delito; UNODC [acronym]; "
         "!Oficina de las Naciones Unidas contra las Drogas y el Crimen # plural and 'Crimen': not UN usage; "
         "!Oficina de las Naciones Unidas contra la Droga y el Crimen # 'Crimen' for 'Delito': not UN usage; "
         "!ONUDD [acronym] # Mexican usage, UN Spanish uses UNODC; !UNODOC [acronym]; "
         "^Oficina de Naciones Unidas para el Control de las Drogas y la Prevención del Crimen; "
         "^Programa de las Naciones Unidas para la Fiscalización Internacional de Drogas; ^PNUFID [acronym]",
      ru="Управление Организации Объединенных Наций по наркотикам и преступности; УНП ООН [acronym] {exact}; "
         "!ЮНОДК [acronym] # media transliteration, not the UN acronym; "
         "^Программа Организации Объединенных Наций по международному контролю над наркотиками; ^ЮНДКП [acronym]",
      zh="联合国毒品和犯罪问题办公室; 毒品和犯罪问题办公室 [shortForm]; 毒罪办 [shortForm]; ^联合国毒品和犯罪问题办事处 # 2004-2006 UN rendering; "
         "!联合国毒品与犯罪问题办公室 # non-UN (与 for 和); ^联合国国际药物管制规划署; ^联合国禁毒署 [shortForm]",
      ar="مكتب الأمم المتحدة المعني بالمخدرات والجريمة; ~المكتب المعني بالمخدرات والجريمة [shortForm]; "
         "!مكتب الأمم المتحدة لمكافحة الجريمة والمخدرات # press, not the UN name; "
         "!صندوق الأمم المتحدة لمكافحة المخدرات والجريمة # press, wrong name; "
         "^برنامج الأمم المتحدة للمراقبة الدولية للمخدرات"),
    E(id="unoct", tsv="Office of Counter-Terrorism", pos="properNoun", subject=BODY,
      note="Established by A/RES/71/291 (2017).",
      en="United Nations Office of Counter-Terrorism; Office of Counter-Terrorism [shortForm]; UNOCT [acronym]",
      fr="Bureau de lutte contre le terrorisme; ~Bureau de la lutte contre le terrorisme; BLT [acronym]; "
         "!Bureau des Nations Unies contre le terrorisme # UNIC wording, not the official name",
      es="Oficina de Lucha contra el Terrorismo; OLCT [acronym]",
      ru="Контртеррористическое управление Организации Объединенных Наций; Контртеррористическое управление [shortForm]; "
         "КТУ ООН [acronym] {exact}; !Управление ООН по контртерроризму # 2025 press, not official",
      zh="联合国反恐怖主义办公室; 反恐怖主义办公室 [shortForm]; 反恐办 [shortForm]",
      ar="مكتب الأمم المتحدة لمكافحة الإرهاب; مكتب مكافحة الإرهاب [shortForm]"),
    E(id="cted", tsv="Counter-Terrorism Committee Executive Directorate", pos="properNoun", subject=BODY,
      en="Counter-Terrorism Committee Executive Directorate; CTED [acronym]",
      fr="Direction exécutive du Comité contre le terrorisme; DECT [acronym]",
      es="Dirección Ejecutiva del Comité contra el Terrorismo; DECT [acronym]; "
         "!Dirección del Comité Anti-Terrorismo # press, not official",
      ru="Исполнительный директорат Контртеррористического комитета; ИДКТК [acronym]",
      zh="反恐怖主义委员会执行局; 反恐执行局 [shortForm]",
      ar="المديرية التنفيذية للجنة مكافحة الإرهاب"),
    E(id="ctc", pos="properNoun", subject=BODY, note="Security Council committee established by S/RES/1373 (2001).",
      en="Counter-Terrorism Committee; CTC [acronym]",
      fr="Comité contre le terrorisme",
      es="Comité contra el Terrorismo",
      ru="Контртеррористический комитет",
      zh="反恐怖主义委员会; 反恐委员会 [shortForm]",
      ar="لجنة مكافحة الإرهاب"),
    E(id="global-ct-strategy", tsv="United Nations Global Counter-Terrorism Strategy", pos="properNoun", subject=DOC,
      note="A/RES/60/288 (2006), reviewed every two years.",
      en="United Nations Global Counter-Terrorism Strategy",
      fr="Stratégie antiterroriste mondiale des Nations Unies",
      es="Estrategia Global de las Naciones Unidas contra el Terrorismo; ~Estrategia global de la ONU contra el terrorismo",
      ru="Глобальная контртеррористическая стратегия Организации Объединенных Наций",
      zh="联合国全球反恐战略; ~联合国全球反恐怖主义战略",
      ar="استراتيجية الأمم المتحدة العالمية لمكافحة الإرهاب; الاستراتيجية العالمية لمكافحة الإرهاب [shortForm]"),
    E(id="global-ct-compact", tsv="United Nations Global Counter-Terrorism Coordination Compact", pos="properNoun",
      subject=BODY,
      en="United Nations Global Counter-Terrorism Coordination Compact; Global Counter-Terrorism Coordination Compact [shortForm]",
      fr="Pacte mondial de coordination contre le terrorisme des Nations Unies; "
         "~Pacte mondial des Nations Unies de coordination contre le terrorisme; "
         "Pacte mondial de coordination contre le terrorisme [shortForm]",
      es="Pacto Mundial de Coordinación de la Lucha Antiterrorista de las Naciones Unidas; "
         "~Pacto Mundial de Coordinación de la Lucha Antiterrorista [shortForm]",
      ru="Глобальный договор Организации Объединенных Наций о координации контртеррористической деятельности; "
         "~Глобальный договор о координации контртеррористической деятельности [shortForm]",
      zh="联合国全球反恐协调契约; 全球反恐协调契约 [shortForm]",
      ar="ميثاق الأمم المتحدة العالمي لتنسيق مكافحة الإرهاب; ~الميثاق العالمي لتنسيق مكافحة الإرهاب [shortForm]"),
    E(id="countering-terrorist-travel-programme", tsv="countering terrorist travel programme", pos="properNoun",
      subject=TRAVEL,
      en="United Nations Countering Terrorist Travel Programme",
      fr="Programme de lutte contre le terrorisme axé sur les déplacements; "
         "~Programme des Nations Unies de lutte contre les déplacements des terroristes",
      es="Programa de las Naciones Unidas de Lucha contra los Desplazamientos de Terroristas; ~Programa de Lucha contra los Viajes de Terroristas",
      ru="Программа Организации Объединенных Наций по противодействию передвижениям террористов; ~Программа по противодействию поездкам террористов",
      zh="联合国打击恐怖分子旅行方案",
      ar="برنامج الأمم المتحدة لمكافحة سفر الإرهابيين; ~البرنامج المتعلق بالسفر في ميدان مكافحة الإرهاب"),
    E(id="interpol", tsv="International Criminal Police Organization", pos="properNoun", subject=BODY,
      en="International Criminal Police Organization; INTERPOL [acronym] {exact}; ~Interpol [acronym] {exact}",
      fr="Organisation internationale de police criminelle; INTERPOL [acronym] {exact}",
      es="Organización Internacional de Policía Criminal; INTERPOL [acronym] {exact}",
      ru="Международная организация уголовной полиции; Интерпол [acronym]; "
         "!Международная организация криминальной полиции # press variant",
      zh="国际刑事警察组织; 国际刑警组织 [shortForm]",
      ar="المنظمة الدولية للشرطة الجنائية; الإنتربول [acronym]; !منظمة الشرطة الجنائية الدولية # press variant"),
    E(id="icao", tsv="International Civil Aviation Organization", pos="properNoun", subject=BODY,
      en="International Civil Aviation Organization; ICAO [acronym]",
      fr="Organisation de l'aviation civile internationale; OACI [acronym]",
      es="Organización de Aviación Civil Internacional; OACI [acronym]",
      ru="Международная организация гражданской авиации; ИКАО [acronym]",
      zh="国际民用航空组织; 国际民航组织 [shortForm]",
      ar="منظمة الطيران المدني الدولي; ~المنظمة الدولية للطيران المدني # seen in UN News, prefer منظمة الطيران المدني الدولي"),
    E(id="mutual-legal-assistance", tsv="mutual legal assistance", subject=CJ,
      note="UNTOC art. 18. Treaty term in Spanish: asistencia judicial recíproca.",
      en="mutual legal assistance; MLA [acronym]",
      fr="entraide judiciaire",
      es="asistencia judicial recíproca; ~asistencia jurídica mutua; ~asistencia judicial mutua",
      ru="взаимная правовая помощь",
      zh="司法协助; ~司法互助; ~相互司法协助",
      ar="المساعدة القانونية المتبادلة; ~المساعدة القضائية المتبادلة"),
    E(id="electronic-evidence", tsv="electronic evidence", subject=CJ,
      note="The 2024 UN Convention against Cybercrime says 'evidence in electronic form'.",
      en="electronic evidence; e-evidence [shortForm]; ~evidence in electronic form",
      fr="preuve électronique; ~preuves sous forme électronique",
      es="prueba electrónica; ~pruebas en forma electrónica",
      ru="электронные доказательства; ~доказательства в электронной форме",
      zh="电子证据",
      ar="الأدلة الإلكترونية; ~الأدلة الرقمية"),
    E(id="critical-infrastructure", tsv="critical infrastructure", subject=CT,
      note="S/RES/2341 (2017). Spanish resolutions say infraestructura vital.",
      en="critical infrastructure",
      fr="infrastructure critique; ~infrastructure essentielle; ~infrastructure vitale",
      es="infraestructura vital; !infraestructura crítica # Spanish national usage, S/RES/2341 uses infraestructura vital",
      ru="критически важные объекты инфраструктуры; ~жизненно важные объекты инфраструктуры; "
         "~критическая инфраструктура",
      zh="关键基础设施",
      ar="الهياكل الأساسية الحيوية; ~البنية الأساسية الحيوية; ~البنى التحتية الحيوية"),
    E(id="soft-targets", tsv="soft targets", subject=CT,
      note="UN texts mostly say 'particularly vulnerable targets' (GCTS, S/RES/2341) or 'vulnerable targets'.",
      en="soft target; ~vulnerable target; ~particularly vulnerable target",
      fr="cible vulnérable; ~cible particulièrement vulnérable",
      es="objetivo vulnerable; ~objetivo particularmente vulnerable",
      ru="уязвимые цели; ~«мягкие» цели",
      zh="软目标; ~易受攻击目标",
      ar="الأهداف السهلة; ~الأهداف الضعيفة; ~الأهداف المعرضة للخطر"),
    E(id="advance-passenger-information", tsv="advance passenger information", subject=TRAVEL,
      note="S/RES/2396 (2017). 'Advanced Passenger Information' is a common error.",
      en="advance passenger information; API [acronym]; !advanced passenger information {exact}; "
         "!Advanced Passenger Information {exact}",
      fr="renseignements préalables concernant les voyageurs; RPCV [acronym]",
      es="información anticipada sobre los pasajeros; ~información anticipada sobre pasajeros; API [acronym]",
      ru="предварительная информация о пассажирах",
      zh="预报旅客信息 # Chinese government usage, no UN Chinese source found; ~预报旅客资料",
      ar="المعلومات المسبقة عن الركاب"),
    E(id="passenger-name-record", tsv="passenger name record", subject=TRAVEL,
      en="passenger name record; PNR [acronym]",
      fr="données des dossiers passagers; PNR [acronym]; ~dossiers passagers [shortForm]",
      es="registro de nombres de los pasajeros; PNR [acronym]",
      ru="записи регистрации пассажиров",
      zh="旅客姓名记录",
      ar="سجلات أسماء الركاب; سجل أسماء الركاب [variant] # singular"),
    E(id="biometric-data", tsv="biometric data", subject=TRAVEL,
      en="biometric data", fr="données biométriques", es="datos biométricos", ru="биометрические данные",
      zh="生物特征数据", ar="البيانات البيومترية"),
    E(id="financing-of-terrorism", tsv="financing of terrorism", subject=CT,
      en="financing of terrorism; ~terrorist financing; ~terrorism financing",
      fr="financement du terrorisme", es="financiación del terrorismo", ru="финансирование терроризма",
      zh="资助恐怖主义; ~资助恐怖主义行为", ar="تمويل الإرهاب"),
    E(id="financing-convention", pos="properNoun", subject=DOC, note="United Nations, Treaty Series, vol. 2178, No. 38349.",
      en="International Convention for the Suppression of the Financing of Terrorism",
      fr="Convention internationale pour la répression du financement du terrorisme",
      es="Convenio Internacional para la Represión de la Financiación del Terrorismo",
      ru="Международная конвенция о борьбе с финансированием терроризма",
      zh="制止向恐怖主义提供资助的国际公约",
      ar="الاتفاقية الدولية لقمع تمويل الإرهاب"),
    E(id="freezing-of-assets", tsv="freezing of assets", subject=CT,
      note="Sanctions vocabulary; UNTOC art. 2 (f) 'freezing' is ES embargo preventivo, ZH 冻结. Choose the regime.",
      en="freezing of assets; ~asset freezing; ~asset freeze",
      fr="gel des avoirs",
      es="inmovilización de activos; ~congelación de activos; ~congelación de fondos; ~embargo preventivo",
      ru="замораживание активов",
      zh="冻结资产",
      ar="تجميد الأصول"),
    E(id="money-laundering", tsv="money-laundering", subject=CJ,
      en="money-laundering", fr="blanchiment d'argent",
      es="blanqueo de dinero; !lavado de dinero # regional (Latin American) usage, UN Spanish uses blanqueo; "
         "!lavado de activos # regional (Latin American) usage, UN Spanish uses blanqueo",
      ru="отмывание денежных средств; ~отмывание денег", zh="洗钱", ar="غسل الأموال"),
    E(id="ve-conducive-to-terrorism", tsv="violent extremism conducive to terrorism", subject=CT,
      note="The official French text of E/RES/2023/26 has two wordings: « pouvant conduire au terrorisme » (pp. 13, "
           "op. 30) and « conduisant au terrorisme » (pp. 15, op. 8); English has 'as and when conducive' and "
           "'conducive'. The second wording of each is recorded as a variant: a text that uses both is consistent.",
      en="violent extremism conducive to terrorism; "
         "~violent extremism as and when conducive to terrorism [variant] # the formula of General Assembly texts",
      fr="extrémisme violent pouvant conduire au terrorisme; "
         "~extrémisme violent conduisant au terrorisme [variant] # the official text's second wording (pp. 15, op. 8)",
      es="extremismo violento que conduce al terrorismo; ~extremismo violento cuando conduzca al terrorismo",
      ru="насильственный экстремизм, ведущий к терроризму; ~насильственный экстремизм, способствующий терроризму",
      zh="助长恐怖主义的暴力极端主义",
      ar="التطرف العنيف المفضي إلى الإرهاب"),
    E(id="violent-extremism", subject=CT,
      en="violent extremism", fr="extrémisme violent", es="extremismo violento",
      ru="насильственный экстремизм; ^воинствующий экстремизм # older UN Russian wording",
      zh="暴力极端主义", ar="التطرف العنيف"),
    E(id="victims-of-terrorism", tsv="victims of terrorism", subject=CT,
      en="victim of terrorism", fr="victime du terrorisme", es="víctima del terrorismo", ru="жертва терроризма",
      zh="恐怖主义受害者", ar="ضحايا الإرهاب"),
    E(id="victims-day", pos="properNoun", subject=CT, note="Observed on 21 August (A/RES/72/165).",
      en="International Day of Remembrance of and Tribute to the Victims of Terrorism",
      fr="Journée internationale du souvenir, en hommage aux victimes du terrorisme",
      es="Día Internacional de Conmemoración y Homenaje a las Víctimas del Terrorismo",
      ru="Международный день памяти и поминовения жертв терроризма",
      zh="纪念和悼念恐怖主义受害者国际日",
      ar="اليوم الدولي لإحياء ذكرى ضحايا الإرهاب وإجلالهم"),
    E(id="cbrn-terrorism", tsv="chemical, biological, radiological and nuclear terrorism", subject=CT,
      note="Each language has its own acronym: CBRN (en, fr), QBRN (es), ХБРЯ (ru), 化生放核 (zh).",
      en="chemical, biological, radiological and nuclear terrorism; CBRN terrorism [shortForm]",
      fr="terrorisme chimique, biologique, radiologique et nucléaire; terrorisme CBRN [shortForm]",
      es="terrorismo químico, biológico, radiológico y nuclear; terrorismo QBRN [shortForm]",
      ru="химический, биологический, радиологический и ядерный терроризм; ХБРЯ-терроризм [shortForm]",
      zh="化学、生物、放射及核恐怖主义; 化生放核恐怖主义 [shortForm]",
      ar="الإرهاب الكيميائي والبيولوجي والإشعاعي والنووي"),
    E(id="nuclear-terrorism-convention", pos="properNoun", subject=DOC,
      note="United Nations, Treaty Series, vol. 2445, No. 44004.",
      en="International Convention for the Suppression of Acts of Nuclear Terrorism",
      fr="Convention internationale pour la répression des actes de terrorisme nucléaire",
      es="Convenio Internacional para la Represión de los Actos de Terrorismo Nuclear",
      ru="Международная конвенция о борьбе с актами ядерного терроризма",
      zh="制止核恐怖主义行为国际公约",
      ar="الاتفاقية الدولية لقمع أعمال الإرهاب النووي"),
]
