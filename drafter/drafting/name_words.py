"""The words the sender parsing (drafter.drafting.sender) reads around a person's name.

Owns the vocabularies, not the parsing: salutations and the sex they name, academic titles,
surname particles and nobility words, job abbreviations before a name, degrees and suffixes
after it, and the words that make a display name a company, an office or a shop rather than
a person. Written for drafter from general knowledge of German and English usage
(Apache-2.0).
"""

from __future__ import annotations

import re

#: Frau/Herr/Mr/Mrs/Ms/Miss (and the German "Fr."/"Hr.") and the sex they name
SALUTATION = {
    "frau": "female",
    "fr": "female",
    "mrs": "female",
    "ms": "female",
    "miss": "female",
    "herr": "male",
    "herrn": "male",
    "hr": "male",
    "hrn": "male",
    "mr": "male",
}
#: forms of address outside the house forms (Frau/Herr, Mr/Ms/Mrs, Dr, Professor): clergy
#: ("Rev. Matthew Okafor", "The Revd …", "Pfarrerin Anke Lohse", "Father"), ranks and offices
#: ("Cllr", "Capt."), British honours ("Sir", "Dame", "Lady"), and "Mx"; read only before at
#: least one more word. They are no part of the name; the greeting uses the house forms, so
#: "Rev. Alan Pike" is "Dear Mr Pike," (English letters keep Sir, Dame, Father and "Lady X":
#: sender._honour). The
#: value is the sex the word names; "neutral" for Mx: the person asks not to be read as
#: female or male (German "Guten Tag Sam Penhaligon,"; English writes the Mx the customer
#: wrote: "Dear Mx Penhaligon,", drafter.drafting.salutation._own_form)
OTHER_FORMS = {
    "rev": "",
    "revd": "",
    "reverend": "",
    "pastor": "male",
    "pastorin": "female",
    "pfarrer": "male",
    "pfarrerin": "female",
    "father": "male",
    "schwester": "female",
    "rabbi": "",
    "imam": "",
    "cllr": "",
    "councillor": "",
    "capt": "",
    "captain": "",
    "major": "",
    "colonel": "",
    "col": "",
    "lt": "",
    "sgt": "",
    # ranks and offices before the name that the first-name data hold as men's names
    # ("Judge", "General", "Sergeant"): the house form follows the name ("Judge Sarah Hale"
    # is Ms Hale, not Mr Hale); not "Dean" or "Deacon", first names in their own right
    "judge": "",
    "general": "",
    "admiral": "",
    "sergeant": "",
    "lieutenant": "",
    "commander": "",
    "brigadier": "",
    "corporal": "",
    "cpl": "",
    "inspector": "",
    "detective": "",
    "constable": "",
    "officer": "",
    "governor": "",
    "senator": "",
    "mayor": "",
    "bishop": "",
    "canon": "",
    "chaplain": "",
    "mx": "neutral",
    # British honours and courtesy titles ("Sir Geoffrey Hale" is Herr Hale in German and
    # "Dear Sir Geoffrey," in English; "Lady Imogen Vane" is Ms Vane)
    "sir": "male",
    "dame": "female",
    "lady": "female",
    "lord": "male",
}
#: pronouns a person gives with the name, in brackets, after "Pronouns:" or a separator
#: ("Alex Trent (she/her)", "(they/them)", "Pronouns: he/him", "Kim Ohl | sie/ihr"): they
#: decide the form of address over the first-name data ("Sie/Ihr" in a sentence is no note)
PRONOUNS = re.compile(
    r"(?:[(\[]|\b(?:pronouns?|pronomen)\s*:|[|,–-])\s*(she|he|they|sie|er)\s*/\s*"
    r"(?:her|him|them|hers|his|theirs|ihr|ihn|ihm)\b(?:\s*/\s*[^\W\d_]+)?\s*[)\]]?",
    re.I,
)
PRONOUN_SEX = {"she": "female", "sie": "female", "he": "male", "er": "male", "they": "neutral"}
ACADEMIC = re.compile(
    r"^(?:prof(?:essor(?:in)?|\.?in)?\.?|dr\.?-ing\.?|dr\.?(?:in)?|ddr\.|dipl\.?-[a-zäöü]+\.?(?:in)?|"
    r"mag\.(?:a\.?)?|ing\.|(?-i:DI(?:in)?))$",  # Austrian "Dr.in", "DI" (Diplom-Ingenieur;
    re.I,  # "di" is a particle), "DIin", "Dipl.-Ing.in", "Prof.in": the women's forms
)
#: diploma titles as drafter.drafting.sender writes them ("Dipl.-Ing.", "Dipl.-Kfm.", "DI",
#: "Mag.", "Mag.a", "Dipl.-Ing.in"): the person's degree, not written in a German greeting
#: (house decision, session 19: modern German business letters write only Dr. and Prof.);
#: the Austrian "Ing.", a title used in address, is no diploma and stays
DIPLOMA = re.compile(r"^(?:Dipl\.-\S+|DI(?:in)?|Mag\.(?:a\.?)?)$", re.I)
#: a title in a woman's form: "Mag.a", "Dipl.-Ing.in", "DIin", "Dipl.-Kffr." (Diplom-
#: Kauffrau), "Dr.in", "Prof.in", "Professorin": the person is a woman ("Frau")
FEMININE_TITLE = re.compile(
    r"^(?:mag\.a\.?|dipl\.?-[^\W\d_]+\.in|dipl\.?-(?:kffr|kauffr(?:au)?)\.?|(?-i:DIin)|dr\.?in|"
    r"prof\.?in|professorin)$",
    re.I,
)
#: a diploma written with a space or without the hyphen ("Dipl. Ing.", "Dipl.Ing.",
#: "dipl. kfm."): read as "Dipl.-Ing."
DIPLOMA_SPACED = re.compile(r"(?i)\b(dipl)\.?(?:\s*-\s*|\s+|(?<=\.))(?=[^\W\d_]{2,6}\.)")
#: the Austrian Magister with its field ("Mag. rer. soc. oec.", "Mag.a phil."): "Mag."
MAG_FIELD = re.compile(
    r"(?i)\b(mag\.(?:a\b\.?)?)(?:\s*(?:rer|soc|oec|nat|phil|iur|jur|pharm|art|arch|theol|med|vet|"
    r"des|ind|techn|pol|publ)\.)+"
)


def plain_titles(text: str) -> str:
    """Titles written as the parsing reads them: "Dr. med." / "Dr. rer. nat." -> "Dr.",
    "Mag. rer. soc. oec." -> "Mag.", "Dipl. Ing." -> "Dipl.-Ing.", "Dr.-Ing. habil." ->
    "Dr.-Ing.", "Univ.-Prof." / "apl. Prof." / "Jun.-Prof." -> "Prof.", "Dipl.-Ing. (FH)" ->
    "Dipl.-Ing."."""
    text = PROF_KIND.sub("Prof", HABIL.sub("", DIPLOMA_KIND.sub("", text)))
    text = DR_SUFFIX.sub("Dr.", text)
    return DIPLOMA_SPACED.sub(r"\1.-", MAG_FIELD.sub(r"\1", text))


#: the kind of school in brackets after a diploma ("Dipl.-Ing. (FH) Dr. Ursula Weigand",
#: "Dipl.-Kfm. (Univ.)", "Dipl.-Betriebswirt (BA)", "Dipl.-Inf. (TU)"): part of the diploma,
#: which the greeting leaves out; the titles after it still count
DIPLOMA_KIND = re.compile(r"(?i)(?<=[.\w])\s*\((?:FH|TH|TU|BA|DH|HTL|Univ\.?|Uni)\)(?=\s)")
#: the habilitation after a doctorate ("Dr. habil.", "Dr.-Ing. habil.", "Dr. rer. nat.
#: habil."): the greeting says "Dr."
HABIL = re.compile(r"(?i)(?<=\.)\s*habil\b\.?")
#: the kind of professorship before "Prof." (the Austrian "Univ.-Prof." and "ao. Univ.-Prof.",
#: "apl. Prof.", "Hon.-Prof.", "Jun.-Prof.", also "Univ.-Prof.in"; the English "Associate",
#: "Assistant", "Adjunct", "Visiting Professor", "Assoc. Prof."): a
#: German greeting says "Prof." ("Sehr geehrte Frau Prof. Dr. Maier,"), an English one
#: "Professor"
PROF_KIND = re.compile(
    r"(?i)\b(?:(?:a\.?\s?o\.|o\.)\s*)?(?:univ\.?|apl\.|hon\.|jun\.|assoc\.|associate|asst\.|"
    r"assistant|adjunct|visiting)\s*-?\s*prof(?=\.|essor)"
)


#: "Prof. em. Dr. …", "Prof. emer.", "Professor Emeritus": the greeting says "Prof."
EMERITUS = re.compile(r"(?i)\b(prof\.?|professor)\s*(?:em\.|emer\.|emeritus\b)")
#: the British order "Emeritus Professor Jane Hale": the greeting says "Professor"
EMERITUS_BEFORE = re.compile(r"(?i)\bemeritus\s+(?=prof)")
#: "Dr. med.", "Dr. rer. nat.", "Dr. h.c.", "Dr. Ing.", Austrian "Dr. techn.": the greeting
#: says "Dr."
DR_SUFFIX = re.compile(
    r"(?i)\bdr\.(?:\s*(?:med|rer|nat|phil|jur|iur|dent|vet|oec|soc|pol|theol|techn|mont|pharm|agr|"
    r"ing|h\.\s*c)\b\.?)+"
)
PARTICLES = frozenset(
    {"von", "van", "de", "der", "den", "zu", "zum", "zur", "vom", "ter", "ten", "te", "da"}
    | {"di", "del", "della", "du", "le", "la", "af", "dos", "das", "do", "y", "al", "el"}
    # Filipino and Spanish "dela", "delos", "de los", "de las" ("Ma. Cristina dela Cruz")
    | {"dela", "delos", "delas", "los", "las"}
    | {"bin", "ibn", "ní", "nic", "ó", "ua", "mac", "ap", "ab", "verch", "ferch"}  # Welsh "ap"
    # Malay and Arabic "daughter of" (drafter.drafting.sender reads the father's name)
    | {"binti", "bint", "bte"}
)
#: an Arabic article joined to the family name, written lowercase ("al-Mansouri",
#: "el-Sayed", "ash-Shami"); the name keeps it as written ("Dear Mr al-Mansouri,")
ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ed|es|ud|ul|abu|bin|ibn)-[^\W\d_]{2,}$")
#: an Arabic article linking the two words of a South Asian given name, written apart in
#: lowercase ("Noor ul Ain Siddiqui", "Fazal ur Rehman Khan", "Wahid uz Zaman"): the name is
#: read as if hyphenated ("Noor-ul-Ain") and written back as the customer wrote it
LINKED_GIVEN = re.compile(r"\b([A-ZÀ-Þ][a-zß-ÿ]+)\s+([uU][ldrz])\s+(?=[A-ZÀ-Þ][a-zß-ÿ]+\b)")
UNLINK = re.compile(r"(?<=[a-zß-ÿ])-([uU][ldrz])-(?=[A-ZÀ-Þ])")
#: "Anna Berg und Familie", "Tom Berg and family", "… mit Kindern": the person who writes
#: signs for her family; she is greeted, the family is no second person
WITH_FAMILY = re.compile(
    r"(?i)\s+(?:und|u\.|mit|&|\+|and|with)\s+(?:(?:die|der|meiner|meine|unsere|my|our|the)\s+)?"
    r"(?:familie|family|kinder|kindern|kids|children|anhang)\s*$"
)
#: a nickname in quotes between the given name and the family name ('Georg "Schorsch"
#: Lammers', "Josef „Sepp“ Gruber", "Margaret 'Peggy' Hall"): no part of the name
NICKNAME = re.compile(r"(?<=[^\W\d_.])\s+[\"„“”«»‚‘'][^\W\d_][\w'’-]*[\"“”»‘’']\s+(?=[^\W\d_])")
#: a whole name in quotes ('„Anna Berg“', '"Tom Reed"'): the quotes are no part of it
QUOTED = re.compile(r"^[\"„“”«»‚‘]\s*([^\"„“”«»]+?)\s*[\"“”»‘’]$")
CAPITAL_PARTICLES = {"ní": "Ní", "nic": "Nic", "ó": "Ó", "ua": "Ua", "mac": "Mac"}
#: German nobility words, part of the family name and capitalised; the greeting leaves the
#: rank out ("Detlev Freiherr von Alsen" is "Sehr geehrter Herr von Alsen,")
NOBILITY = frozenset(
    {"graf", "gräfin", "freiherr", "freifrau", "freiin", "baron", "baronin", "prinz"}
    | {"prinzessin", "fürst", "fürstin", "edler", "edle", "ritter"}
)
#: the sex a nobility word names ("Freifrau von Arnim" is Frau von Arnim)
NOBILITY_SEX = {
    **dict.fromkeys(("graf", "freiherr", "baron", "prinz", "fürst", "edler", "ritter"), "male"),
    **dict.fromkeys(("gräfin", "freifrau", "freiin", "baronin", "prinzessin", "fürstin"), "female"),
    "edle": "female",
}
#: surname particles and family names that say the bearer is a woman (Irish Ní/Nic, Sikh Kaur)
FEMALE_SURNAME = frozenset({"ní", "nic", "kaur"})
#: the Sikh names Kaur (women) and Singh (men): before a family name they are no part of it
#: ("Jaswinder Kaur Sandhu" is Ms Sandhu); Singh alone as the family name says "man" only when
#: the first name says nothing (drafter.drafting.salutation)
SIKH = {"kaur": "female", "singh": "male"}
#: a Spanish patronymic family name ("Martínez", "Márquez", "Sánchez", "Rodríguez"): never a
#: given name, though the US births hold a few as boys' names ("Martinez", "Marquez"); between a
#: given name and a family name it is the first of two family names ("Javier Martínez Ortega"
#: is Mr Martínez Ortega); three letters before -ez at least, so not "Inez"
SPANISH_PATRONYMIC = re.compile(r"(?i)^[^\W\d_]{3,}[eé]z$")
#: given names that are a man's in Serbian, Croatian, Bosnian and Slovenian but of both sexes
#: (or a woman's) elsewhere ("Nikola" is a Czech woman's name, "Andrija" reads as Andrea): a
#: man's when the family name is South Slavic (-ić/-ič: "Nikola Ristić", "Andrija Babić")
SOUTH_SLAVIC_MALE = frozenset({"nikola", "andrija", "nikica", "jovica", "perica", "ivica"})
SOUTH_SLAVIC_SURNAME = re.compile(r"(?i)^[^\W\d_]{2,}i[cćč]$")
#: a woman's form of a family name: Russian, Bulgarian, Czech and Slovak -ova/-eva/-ová (German
#: -owa/-ewa), Russian -skaya/-skaja, Polish -owska/-ińska/-icka, Lithuanian -ienė/-aitė/-ytė/
#: -utė, Icelandic -dóttir. Read only when the first name gives no sex ("Sasha Morozova"); the
#: masculine forms (-ov, -ski, -as) say nothing, as a man's name may also be a woman's
FEMALE_SURNAME_FORM = re.compile(
    r"(?i)(?:[^\W\d_]{2,}[^\W\d_u](?:ov|ev|ow|ew)[aá]|[^\W\d_]{2,}(?:sk|ck|zk)a[jy]a|"
    r"[^\W\d_]{2,}(?:[wnńlr]sk|[iyaeo]ck|dzk)[aá]|[^\W\d_]{3,}(?:ienė|aitė|ytė|utė|ūtė)|"
    r"[^\W\d_]{2,}d[oó]tt[i]r)$"
)
#: Italian, Spanish and place names that end like such a form
NOT_FEMALE_FORM = frozenset(
    {"casanova", "villanova", "terranova", "cordova", "córdova", "padova", "genova"}
)
COMPANY = re.compile(
    r"\b(?:gmbh|ag|kg|ohg|e\.\s?v|ev|ug|gbr|ltd|limited|inc|llc|plc|co|corp|team|service|support|"
    r"kundenservice|verwaltung|hausverwaltung|praxis|kanzlei|bäckerei|büro|abteilung|"
    r"accounts|billing|info|office|noreply|no-reply|admin|buchhaltung|stadtwerke|"
    r"practice|dental|surgery|clinic|klinik|kiosk|autohaus|apotheke|hotel|restaurant|"
    r"school|schule|verein|household|haushalt|reception|labor|laboratory|partner|söhne|"
    # shops, trades and offices ("Sommer Immobilien", "Elektro Hansen", "Hall Estates")
    r"immobilien|elektro|sanitär|fahrrad|fahrräder|blumen|kita|kindergarten|gemeinde|"
    r"yoga|physio|reifen|getränke|fliesen|optik|pizzeria|café|cafe|studio|salon|shop|"
    r"consulting|services|solutions|holding|holdings|estates|lettings|property|store|"
    # restaurants, cafés and food shops by their own languages' words ("Ristorante Da Andrea",
    # "Trattoria Da Marco", "Osteria Bella Vista", "Brasserie du Port", "Gelateria Dolomiti",
    # "Yilmaz Kebap"): a place under the name, no person (not "Taverna", "Cantina": family
    # names too)
    r"ristorante|trattoria|osteria|gelateria|enoteca|pasticceria|bistro|bistrot|brasserie|"
    r"boulangerie|p[aâ]tisserie|restaurante|cafeteria|imbiss|gaststätte|kebab|kebap|"
    r"panader[ií]a|pasteler[ií]a|cr[eê]perie|churrascaria|padaria|pastelaria|restoran|lokanta|"
    r"properties|management|plumbing|electrical|builders|garage|motors|bakery|pharmacy|"
    r"council|nursery|academy|college|charity|trust|housing|association|associates|sons|"
    # parishes, guest houses and holiday flats ("Gasthof Zur Linde"), and a possessive, which
    # no person's name has ("St Mary's Church", "Sainsbury's"; "Church" alone is a surname)
    r"parish|mosque|gasthof|gasthaus|pension|ferienwohnung|ferienhaus|hostel|"
    # freight firms and the offices of a firm ("Accounts Payable - Harbour Freight")
    r"shipping|logistics|freight|haulage|spedition|payable|receivable|procurement|"
    r"purchasing|wg|wohngemeinschaft|"
    # trade words of firms' names, no person's ("Northgate Timber Supplies", "… Systems Ltd")
    r"supplies|supply|systems|industries|enterprises|technologies|trading|traders|products|"
    r"distribution|engineering|partners|group|international|foods|energy|ventures|software|"
    r"marketing|agency|insurance|finance|construction|transport|logistik|handwerk|"
    # clubs, fire brigades, choirs and societies ("Kiel Rowing Club", "Feuerwehr Kronshagen")
    r"club|feuerwehr|chor|choir|society|chaplaincy|cathedral|institut|institute|foundation|"
    # departments of a firm ("Northgate Facilities", "Accounts Department")
    r"facilities|maintenance|department|dept|"
    # courts, universities, law firms and public offices ("Amtsgericht Kiel", "Harrowfield Law
    # LLP", "Muthesius University"): an institution is never a person to greet
    # (German compounds: COMPANY_COMPOUND's "…gericht", "…amt", "…kasse")
    r"llp|solicitors|university|universität|jobcenter|nails|"
    # partners named by their profession in the plural ("Wilson & Hale Architects", "Brandt &
    # Wolff Architekten", "Kern und Sauer Rechtsanwälte"): a firm, no couple; the singular is
    # a job or a trade before a name ("Architekt Jan Roth": TRADE_BEFORE)
    r"architects|architekten|engineers|ingenieure|surveyors|accountants|chartered|"
    r"consultants|dentists|opticians|veterinary|vets|rechtsanwälte|anwälte|notare|ärzte|"
    r"zahnärzte|tierärzte|steuerberatung|"
    # German club abbreviations ("KGV Hasseldieksdamm", "TSV Kronshagen", "VfL …")
    r"kgv|tsv|vfl|vfb|"
    # groups of people that write together ("Kiel Expat Meetup", "Residents' Committee",
    # "Netzwerk Nachbarschaft Gaarden"): a group, no person to greet
    r"meetup|network|netzwerk|community|committee|collective|residents|tenants|neighbours|"
    r"neighbors|stammtisch|nachbarschaft|initiative|"
    # a group signing by its role, in the plural ("The Trustees", "The Directors", "The
    # Churchwardens"): no family name ("The Hendersons" is one; "Stewards", "Wardens", "Masons"
    # are family names too and stay out)
    r"trustees|directors|governors|executors|administrators|volunteers|organi[sz]ers|members|"
    r"owners|homeowners|leaseholders|freeholders|householders|occupants|occupiers|"
    r"churchwardens|managers|officers|councillors|coordinators|caretakers|landlords|"
    r"proprietors|shareholders|beneficiaries|employees|helpers)\b|"
    # a church or school named after a saint ("St Nicholas English Church", "Sankt Ansgar
    # Kirche"): a name that opens with "St"/"Sankt" and ends in what it is
    r"^(?:st\.?|sankt|saint)\s.*\b(?:church|chapel|kirche|kapelle|school|schule|hospital)\b|"
    r"[^\W\d_]['’]s\b",
    re.I,
)
#: a German compound ending in a company word ("Rechtsanwaltskanzlei Meyer",
#: "Immobilienverwaltung Rothe", "Finanzamt Kiel", "Tischlerei Holm", "Malerbetrieb Jansen"):
#: no surname ends so
COMPANY_COMPOUND = re.compile(
    r"(?i)[^\W\d_]{3,}(?:kanzlei|verwaltung|praxis|büro|abteilung|buchhaltung|werke|klinik|"
    r"apotheke|schule|verein|genossenschaft|gesellschaft|gemeinschaft|versicherung|beratung|"
    r"zentrum|dienst|amt|(?:er|or)ei|betrieb|technik|werkstatt|laden|markt|handel|therapie|"
    r"studio|salon|service|heizung|reinigung|vermietung|stiftung|wirtschaft|gemeinde|"
    r"beirat|vorstand|initiative|gruppe|verteiler|kreis|werk|kirche|gasthof|gasthaus|kammer|"
    r"team|bibliothek|bücherei|museum|kita|kindergarten|theater|kino|hotel|halle|verband|"
    r"akademie|institut|universität|archiv|galerie|agentur|kontor|consulting|gericht|"
    r"vereinigung|kasse|behörde|ministerium)\b"
    r"|\b[^\W\d_]{4,}bau\b|\bweingut\b"
)
#: the tree, flower and landscape words English house names are made of ("Willow Lodge",
#: "Rose Court", "Ivy House"); some are given names too, but not before a building word
HOUSE_NAME_WORDS = (
    "willow|oak|ash|elm|beech|birch|pine|cedar|holly|ivy|rose|hazel|heather|laurel|rowan|yew|"
    "lime|chestnut|maple|hawthorn|bramble|fern|meadow|orchard|brook|river|hill|lake|park|wood|"
    "woods|forest|field|green|glen|vale|moor|heath|bay|sea|shore|cliff|harbour|primrose|"
    "bluebell|lavender|magnolia|juniper|acorn|apple|cherry|plum|poppy|daisy|lily|iris|violet|"
    "jasmine|myrtle|briar|thistle|clover|sunny|spring|summer|autumn|valley|ridge|riverside|"
    "lakeside|hillside|woodside|highfield|fairview"
)
#: a building or place that writes as an account holder ("Gemeindehaus Nord", "Haus am See",
#: "Villa Sonnenschein", "Gut Rodenbek", "Rose Cottage", "The Old Rectory", "Church Hall
#: Kiel"): no person to greet. German names it by the kind of place first (no given name is
#: "Haus", "Villa", "Gut", "Hof" or "Schloss"; "Haus, Peter" is a surname first), or by a
#: compound of an institution and a house ("Pfarrhaus", "Bürgerhaus", "Seniorenheim"; not a
#: bare "…haus", "…heim", "…hof": Neuhaus, Oppenheim, Althof are surnames); English by the
#: kind of building last ("Ivy House", "Willow Cottage", "Manor Farm"; not "Hall", "Lodge",
#: "Court", "Mill" or "Grange", which are family names too, unless "The" or a hall's use stands
#: before it: "The Mill", "Village Hall", or a tree, flower or landscape word names the house:
#: "Willow Lodge", "Rose Court", not "David Lodge")
PLACE = re.compile(
    r"(?i)^(?:haus|villa|gut|hof|schloss|burg|kloster|mühle|kirche|kapelle|landhaus|gästehaus|"
    r"bauernhof|reiterhof|ferienhof|jugendherberge|campingplatz)\s+(?=\S)(?!.*,)|"
    r"\b(?:gemeinde|gemeinschafts|dorfgemeinschafts|pfarr|bürger|gäste|vereins|jugend|senioren|"
    r"alten|pflege|kinder|studenten|wohn|sport|schützen|feuerwehr|bauern|reiter|ferien|"
    r"gast|club|klub|frauen|familien|mehrgenerationen|freizeit|kultur|rat)"
    r"(?:haus|häuser|heim|hof|anlage|park|hütte)\b|"
    r"^[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)*\s+(?:house|cottage|cottages|barn|farm|"
    r"farmhouse|manor|rectory|vicarage|parsonage|bungalow|chalet|mansions|apartments|"
    r"villas|almshouses)$|"
    r"^the\s+(?:[^\W\d_][\w'’-]*\s+)*(?:house|cottage|barn|farm|manor|rectory|vicarage|"
    r"grange|hall|lodge|court|mill|chapel|church)$|"
    r"\b(?:church|village|town|community|scout|sports|memorial|guild|masonic|parish)\s+hall\b|"
    rf"^(?:{HOUSE_NAME_WORDS})\s+(?:lodge|court)$"
)
#: job abbreviations and professions written before a name ("RA Dr. Christoph Meyer",
#: "StB Ulrike Kessler", "PD Dr. …"): no part of the name (the academic title is kept)
ROLES = frozenset(
    {"RA", "RAin", "RAe", "StB", "WP", "Notar", "Notarin", "Rechtsanwalt", "Rechtsanwältin"}
    | {"Steuerberater", "Steuerberaterin", "Wirtschaftsprüfer", "Wirtschaftsprüferin"}
    | {"PD", "Priv.-Doz."}
)
#: a German trade or profession written before a name ("Elektromeister Kai-Uwe Wendt",
#: "Malermeisterin Anke Wolff", "Architekt Jan Roth"): no part of the name when two name words
#: follow ("Kai Meister" is a family name)
TRADE_BEFORE = re.compile(
    r"^(?:[A-ZÄÖÜ][a-zäöüß]{2,}meister(?:in)?|Meister(?:in)?|Architekt(?:in)?|Ingenieur(?:in)?|"
    r"Heilpraktiker(?:in)?|Schornsteinfeger(?:in)?)$"
)
#: degrees and suffixes after a name ("Ulrike Senft M.Sc.", "Jane Pollard PhD", "John
#: Pollard Jr.", "… III"): no part of the greeting. Case-sensitive, and read only at the end
#: of a name of at least two other words ("Ma", "Ba" and "Md." are names); "jr." in lowercase
POSTNOMINAL = re.compile(
    r"^(?:M\.\s?Sc\.|MSc|B\.\s?Sc\.|BSc|M\.\s?A\.|B\.\s?A\.|M\.\s?Eng\.|MEng|LL\.\s?M\.|"
    r"LL\.\s?B\.|MBA|PhD|Ph\.\s?D\.|DPhil|MD|M\.D\.|MBE|OBE|CBE|DBE|KBE|GBE|FRCS|MRCP|FRCP|Esq\.?|"
    r"Jr\.?|jr\.|Sr\.|[Jj]un\.|[Ss]en\.|Wwe\.|Wwr\.|II|III|IV|MP|MSP|MEP|QC|KC|JP|FRS|CEng|MdB|MdL|"
    # British degrees without dots and professional memberships ("John Reed BSc MRICS")
    r"BA|MA|BEng|LLB|LLM|MPhil|PGCE|\(Hons\)|MRICS|FRICS|ACCA|FCCA|ACA|FCA|CIPD|MCIPD|FCIPD|"
    r"MCIPS|MCIM|CMgr|FCMI|MIET|MIMechE|MICE|FICE|RIBA|MRTPI|RGN|FRSA|FHEA|SFHEA|CPA|CFA)$"
)
#: job titles on the line under a signed name ("Thomas Reed\nSenior Engineer", "Anke Holm\n
#: Geschäftsführerin"): that line is no name. Read only under a line that is a name, since
#: some are surnames too ("Leiter", "Schneider" is not listed for that reason)
JOBS = re.compile(
    r"(?i)\b(?:engineer|manager|director|officer|assistant|consultant|co-?ordinator|"
    r"administrator|adviser|advisor|accountant|architect|analyst|developer|specialist|"
    r"supervisor|secretary|treasurer|chair(?:man|woman|person)?|teacher|lecturer|student|"
    r"retired|pensioner|owner|founder|ceo|cfo|coo|cto|head\s+of|"
    r"geschäftsführer(?:in)?|inhaber(?:in)?|leiter(?:in)?|sachbearbeiter(?:in)?|"
    r"hausmeister(?:in)?|vorsitzende[r]?|kassenwart(?:in)?|referent(?:in)?|rentner(?:in)?|"
    r"student(?:in)?|verwalter(?:in)?|prokurist(?:in)?|assistenz|vorstand|"
    # clergy under the name ("Revd Philippa Marchbank\nChaplain", "Pastorin\nEv. Gemeinde")
    r"chaplain|vicar|rector|curate|minister|priest|pastor(?:in)?|pfarrer(?:in)?|diakon(?:in)?)\b"
)
