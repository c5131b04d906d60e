"""First names the greeting decides without drafter's first-name table, or against it.

drafter/data/first_names.tsv (drafter.firstnames) is built from US, Austrian, Swiss and
British statistics; it does not know many names that are common among the customers of a
German or British utility and clearly female or male in their own language (Turkish, Kurdish,
Arabic, Persian, Polish, Russian, Dutch and Frisian, Scandinavian, Nigerian and Ghanaian,
Indian and Pakistani, Thai, Vietnamese, Spanish, Welsh, Irish and Scottish Gaelic, Greek,
Albanian and Bosnian, Ukrainian, Romanian, Hungarian, Czech, Finnish, Kenyan and South African,
Eritrean and Ethiopian, Bangladeshi, Tamil, Kenyan (Kalenjin), Zimbabwean (Shona), Zulu and
Sotho, Somali, Bulgarian, Kurdish, Afghan, Maori and Tongan, Irish, Scottish Gaelic and Welsh,
Korean (joined, "Seo-yeon" is "seoyeon"), Chinese (Pinyin, the common two-syllable
given names: "Xiuying", "Jianguo"), Luo (Kenya: a woman's birth name starts with A-,
a man's with O-: Awino and Owino, Akoth and Okoth), Hebrew (Tamar), Manx and Scottish
(Fenella), Brazilian (Ícaro), and older, Bavarian and North German/Frisian names
("Schorsch" for Georg); Russian men's short forms in -ja/-scha, "Kolja", "Aljoscha", which
look like women's names). This module lists them, written for
drafter from general knowledge of naming customs (no external list copied; Apache-2.0).
They are asked only when the table has no clear answer (drafter.drafting.names; also when a
country list knows the name but another source says the other sex: "Esra" is a girl in the
Swiss list and a man in the Moby lists), and first when the table's evidence is weak: a name
written with a letter the table's US births (ASCII only) cannot hold ("Şenay", Turkish, a
woman's name, is not the US "Senay"), or one no country list holds and fewer than 50 US
children had (the Moby lists alone call "Gert" a woman's name; in German it is a man's).

`UNISEX` are names a careful secretary would not read as female or male (the greeting stays
"Guten Tag Kim Schulte," / "Dear Sam Okoro,") even where one statistic leans to one sex:
"Robin" is a boy in the Austrian list and mostly a girl in the US births. Frisian names
given to both sexes are here too ("Eike", "Tomke": in East Frisia a short form of Thomas for
boys as well as a girl's name; session 22), and the Polynesian "Moana" (Māori and Hawaiian
names are given to both: the Māori lawyer Moana Jackson was a man). Turkish names given to
both sexes: "Kaya" ("rock", a boy's name in Turkey, a girl's in the US births and in Germany)
and "Evren" ("universe"); Yoruba short forms of compound names of either sex: "Ade" (Adewale,
a man, Adebola, a woman) and "Sola" (Olusola, both; the US births' Sola are girls), as
"Ayodele" and "Temitope" (session 23). Frisian and North German given names the table does
not know: "Beke", "Taalke", "Geeske" are women, "Boje", "Ommo", "Hayo" men; the Maghrebi
"Amine" (few US births) a man (session 25). "Alexis" is like "Robin": a boy in the Swiss list
(the Greek man's name) and mostly a girl in the US births, so either (session 26). Men's
names the table does not know or leaves open: Kurdish "Rojhat", "Welat", Tamil "Srinivasan",
"Saravanan", Chinese "Weiqiang", "Yongqiang", and "Zia", a man's name in Persian, Afghan and
South Asian use (Zia-ul-Haq) whose US births (89.9 % of 2,084 girls) fall short of the 90 %:
"Ahmad Zia Hotak" is Herr Hotak, Zia his second given name, not part of a double family
name (session 26, greet30). Chinese women's given names of two syllables built from the
syllables women's names are made of (丽 li, 美 mei, 秀 xiu, 桂 gui, 淑 shu, 红 hong, 艳 yan, 春
chun, 翠 cui, 素 su with 华 hua, 芳 fang, 霞 xia, 英 ying, 玲 ling, 珍 zhen, 兰 lan, 芬 fen):
"Lihua", "Hongxia", "Shufen", "Cuihua" (session 27, greet31; names a man is also given,
"Liping", "Lihong", "Yanping", are left out), and Chinese men's ("Zhigang", "Haibo"). Also
from greet31, given names of a clear sex in their own language that the data do not know:
Indonesian ("Ayu", "Putri", "Budi", "Agus"; not "Eka" or "Wati", given to both), Filipino
("Jonel"), Swahili and Kenyan ("Neema", "Kiprotich", "Wekesa"), Ethiopian ("Meseret"),
Georgian ("Ketevan", "Zurab"; not "Nana" or "Eka"), Armenian ("Siranush"), Lithuanian
("Eglė", "Mindaugas"), Latvian ("Baiba", "Aivars"), Estonian ("Triin", "Toomas"; not "Rein",
a German family name), Croatian ("Snježana", "Hrvoje"), Icelandic ("Sigríður", "Ólafur"),
Hausa ("Hauwa", "Aminu"), Bengali ("Taslima", "Sabbir"), Nepali ("Pramila", "Bikash"; not
"Bishnu" or "Suman"), Sinhala ("Dilini", "Chaminda"), Basque ("Garazi", "Gorka") and Catalan
("Queralt", "Oriol"; not "Pere"). From greet32 (session 28): more of the commonest Korean
given names of the birth statistics, read joined ("Do-yoon", "Jun-woo", "Hyun-jun" men;
"Seo-yun", "Ha-yoon", "Min-seo" women; those given to both, "Ji-woo", "Ji-min", "Ji-won",
"Yu-jin", "Yeon-woo", are left out), and Irish men's names the US births also give some girls
or do not know ("Kieran", 89.6 % boys of 13,955, short of the 90 %, though the British list
has it as a boy's; "Keiran", "Odhrán", "Ruadhán", "Fiachra"; not "Rían", given to both).

Keys are folded (lowercase, no accents: drafter.firstnames.fold).
"""

from __future__ import annotations

from drafter.firstnames import fold


def _words(text: str) -> frozenset[str]:
    return frozenset(fold(w) for w in text.split())


UNISEX = _words(
    """
    alex andrea charlie chris deniz dominique eike frankie gabriele jamie jo jordan kim kiran
    luca maxime micha mika morgan nicola noa nour robin sam sascha taylor toni tobi umit
    casey riley quinn avery jessie sandy leslie billie claude linh thanh minh wei jing yang
    anh khanh hai van jaspreet harpreet manpreet gurpreet uchenna temitope oluwaseun ayodele
    kelechi uche chidi chinonso ozgur derya mel lou vic hilary sasha xiao jiwon jimin jiwoo
    nikola vanja
    tomke moana
    kaya evren ade sola
    alexis
    """
)

FEMALE = _words(
    """
    ayse fatma emine hatice zeynep elif merve busra esra gul gulsen gulsum hulya sibel filiz nur
    leyla melek meryem ozlem serpil songul sevgi tuba yasemin zehra aysel ayten dilek ebru
    gamze gizem hande ilknur nesrin nurcan pinar seda selin sevim sule tulay yeliz sukran
    rabia kubra betul cansu nilufer aynur gulay gonul hacer havva nazli neslihan sevda serife
    rojda berfin rojin zilan helin jiyan delal ronahi evin
    fatima aisha aischa aysha amina mariam maryam layla leila yasmin yasmina zainab zeinab
    khadija hana huda rania salma samira rasha reem dalia ghada hala hiba iman lubna najla
    noura rawan safa samar sawsan suha wafa yara zahra hanan asma manal nisrin amal malak
    lamia farah hayat souad naima latifa karima malika rachida saida
    shirin parisa nasrin azadeh roya golnar mahsa neda shabnam setareh fereshteh soraya zohreh
    agnieszka malgorzata katarzyna joanna magdalena dorota elzbieta grazyna halina jadwiga
    justyna urszula wieslawa zofia danuta bozena iwona izabela jolanta krystyna marzena
    sylwia zaneta kinga gosia basia kasia
    swetlana svetlana tatjana natalja ljudmila lyudmila galina nadeschda nadezhda oksana
    walentina larissa raissa sinaida jekaterina ekaterina darja xenia ksenia polina wera
    olena halyna
    femke maartje anouk sanne lotte lieke marloes anneke annemiek marieke mieke janneke jolien
    maaike
    joke els ineke nienke rianne saskia tineke willemijn wietske geertje hanneke sjoukje
    tjitske griet baukje froukje jikke swantje wiebke frauke gesche tjarda okka
    hella merret swaantje telse inken heike thekla almut hiltrud mechthild henrike
    beke taalke geeske jantje nantje hiske imme alke
    henni jule wibke
    sigrid astrid ingrid solveig liv kari ingeborg ragnhild gunhild signe sigrun torill tove
    kerstin birgitta britt malin annika linnea frida elin hanne mette pernille laerke siri
    ylva agneta gunilla margit randi sunniva ebba tuva marit eira
    lykke smilla gunnhild lone bente sioned seyma
    aoibhinn morwenna demelza lowenna nilufar dilnoza gulnara aigerim ainur
    adaeze chiamaka ngozi folake funmilayo funmi yetunde bukola bisola adaora amaka chioma
    chinwe chidinma ifeoma nkechi nneka obiageli titilayo omolara oluwakemi kemi ronke yewande
    simisola halima hadiza adanna ebele ijeoma ogechi onyinye uju akosua abena adwoa akua afua
    yaa efua esi
    ananya deepika priya pooja neha sunita anita kavita lakshmi meera nisha radha rekha shreya
    sneha divya aarti anjali asha geeta gita jyoti kavya lalita meena nandini padma parvati
    preeti rashmi ritu sangeeta sarita savita seema shalini shanti shobha sita swati uma usha
    vandana vidya aishwarya
    siriporn supaporn malee nittaya pranee ratana somsri sunee wanida araya busaba duangjai
    kanokwan lamai nongnuch pornthip sukanya waraporn
    huong hoa thuy trang hanh thao nga yen nhung oanh tuyet
    guadalupe lupe consuelo dolores mercedes pilar rocio montserrat nuria begona itziar amaia
    ainhoa inmaculada remedios asuncion concepcion encarnacion soledad conceicao graca leonor
    heidrun gudrun waltraud waltraut hiltrud edeltraud irmtraud gertrud roswitha irmgard
    hildegard adelheid brunhilde mechthild gerlinde sieglinde heidemarie hannelore rosemarie
    annegret anneliese liselotte wiltrud friederike imke heike silke elke anke maike meike
    dorte telse birte britta insa kerrin wubke
    mareike gesa birthe hilke wencke rieke fenja inken marret jelka ortrud almut lieselotte
    henrike heinke dörthe gesine merle rike gudula ermgard reinhild
    ffion angharad lowri catrin gwenllian heledd nerys rhian delyth meinir mererid siwan
    eluned branwen llinos teleri awen morag mhairi
    eirini chrysoula vaso aikaterini efthymia anthoula
    şenay nuray nurten serap sevil şengül gülten nilgün oya perihan saadet sennur
    sermin sevinç tülin türkan ülkü zuhal birgül canan feride melike müge saniye tuğba yeşim
    zerrin başak banu burcu çiğdem duygu emel fadime gülcan hilal meltem nazan özge reyhan
    tuğçe zeliha gülizar gülistan nurhan müzeyyen fadwa loubna
    orla eimear orlaith ailbhe bláthnaid dearbhla muireann bríd ishbel seonaid
    ségolène clémence nunzia chrysanthi eftychia xanthi jasna ankica edyta
    åse aase agnete bodil gry hege helle jorunn marte sissel synnøve trine unni vibeke ingunn
    bregje jantine liesbeth noortje sietske geertruida adunni afolake funke yemisi araba
    padmini annelore bärbel rotraud gitte grit barbla vreni rösli gertraud notburga kreszenz
    zenzi resi vroni gitta irmela rotraut edeltraut adelgunde ermengard friedlinde heiderose
    traudl
    tamar fenella
    adhiambo awino anyango akoth auma apiyo amondi aluoch akello awuor akumu adongo aoko
    noha shaimaa amani nesma kawtar nisrine ouafae wiam rajae rukhsana iram lata pushpa mahnaz
    farideh fariba golnaz gulnar berivan rojbin besa fatjona flutura jeta vjosa merima bogdana
    oleksandra tetiana iuliana oana raluca eszter erzsébet orsolya zsuzsanna jarmila radka
    šárka zdenka eija hilkka irmeli marjatta niina päivi pirjo riikka satu sirpa tarja tuula
    hrafnhildur montse titi wanjiru wambui wanjiku achieng akinyi atieno nomvula zanele lindiwe
    tigist almaz hiwot mekdes tsion azeb tsehay mebrat zewditu hirut inke
    gundula heilwig imma oda gretje trientje rixa frigga burgl rosl inka
    ljubow aljona jewgenija walentina sinaida soja
    seoyeon seohyun jiyeon soojin sujin hyejin eunji minji jiyoung eunjung mijin sunhee
    younghee haeun soyeon yejin chaewon
    seoyun minseo hayoon yunseo jiyu daeun yeeun subin gaeun nayeon yuna sooah
    desislava gergana tsvetelina rumyana fjolla zozan şirin wahida freshta mursal sediqa
    revathi sangeetha suganya ecem buse damla chebet jelagat rutendo chiedza naledi amahle hibaaq
    bronagh síofra fiadh dervla orlagh seonaidh peigi lleucu efa heulwen tegan
    carmen jorinde çağla ekua rudo chipo thandeka nomsa zodwa palesa aroha mere losa
    svitlana liudmyla lyudmyla nadiia ilka åsa eithne irmak siti
    xiaomei xiaoyan xiaohong xiaojuan xiaofang xiaoxia xiaoling xiaoqing xiaoli xiaoyun
    xiuying guiying xiulan yulan guilan xiuzhen fengying yuzhen yuying lanying meiling lijuan
    hongmei yumei shulan shuzhen guizhen cuiping xuemei chunmei limei haiyan
    lihua lifang lixia liying meihua meifang meiying yanhong yanling yanmei yanfang hongyan
    hongxia hongying chunyan chunhua chunxia guifang guihua guizhi shuying shufen shuhua
    huifang huiying xiuhua xiufang xiuzhi xiuxia yufang yuling fengxia qiuyan caixia cuihua
    lanfang suying suzhen sufang
    wulan ayu putri indah fitri lestari
    nyambura neema mwajuma meseret frehiwot ketevan tamta nune siranush
    jūratė eglė aušra aistė gintarė jurgita baiba anete kadri triin liis pille merike maarja
    snježana dubravka jadranka zrinka guðrún gudrun sigríður sigridur ragnheiður ragnheidur
    þórunn thorunn hauwa rahinatu jummai taslima nazma pramila dilini nadeesha sanduni
    nirosha thilini garazi edurne idoia queralt neus carme
    """
)

MALE = _words(
    """
    mehmet mustafa ahmet huseyin hasan ibrahim ismail osman yusuf murat omer ramazan halil
    suleyman abdullah mahmut recep salih kemal fatih emre burak serkan kadir orhan metin
    erkan cem oguz volkan tolga tuncay ugur yasin yunus selim sinan levent hakan bulent
    cengiz erdal ercan gokhan kerem okan onur serdar tarik tayfun turgay ufuk yavuz zafer
    enes furkan berkay arda baran sahin engin ersin ilhan kaan koray mert musa nihat
    sedat sukru tamer taner zeki
    mohammed muhammad mohamed mohammad ahmed ahmad omar umar khaled khalid yousef youssef
    mahmoud hassan hussein husain karim kareem samir tarek tariq walid waleed nabil saeed
    hamza bilal rami fadi ziad jamal jamil adel adil amir anas ayman bashir fares faris firas
    hamid hani hisham imad issa jihad kamal majid marwan mazen munir nasser osama qasim rashid
    riad saleh sami sultan taha wael yahya yassin zaid zakaria abdallah mounir rachid mehdi
    reza hossein arash babak behnam dariush farhad farid hamed kaveh kian mehran omid payam
    ramin shahram siamak vahid
    grzegorz krzysztof andrzej tomasz piotr pawel marcin mariusz dariusz jaroslaw wojciech
    zbigniew stanislaw tadeusz jacek janusz lukasz mateusz bartosz kamil przemyslaw slawomir
    waldemar zdzislaw ryszard bogdan boguslaw czeslaw jerzy kazimierz leszek miroslaw
    radoslaw rafal szymon wieslaw witold zenon maciej
    dmitri dmitrij dmitry sergej sergei sergey wladimir vladimir alexej alexei andrej andrei jurij
    igor iwan ivan jewgeni evgeny juri yuri konstantin michail mikhail nikolai oleg pjotr
    ruslan viktor wiktor vitali witali wadim vadim waleri boris gennadi grigori
    arkadi anatoli taras mykola oleksandr volodymyr yaroslav artem timur rustam
    okke joost sjoerd gerrit jeroen bram daan thijs ruud pieter wouter maarten koen joris
    rutger henk kees klaas stijn teun tjeerd wybe jelle sietse hidde auke tjark hauke fiete
    ubbo onno enno folkert harm hinrich jurre lammert meindert reinder sybren wiebe douwe gijs
    luuk mees pim roel siebe tijs willem
    sven lars nils anders bjorn erik olav oddvar gunnar harald ivar jens knut leif magnus
    morten rune stig sune thor tore torbjorn trond ulf arne einar espen frode geir halvard
    hakon kjell kristoffer mikkel rasmus soren svein vidar ake goran joakim
    babatunde olumide emeka chinedu chukwuemeka chukwudi obinna ikenna nnamdi tunde femi
    segun kunle kayode bayo adewale adebayo dele gbenga jide wale ifeanyi okechukwu
    kwame kofi kwabena kwaku yaw kojo kwesi sani abdullahi usman yakubu aliyu
    arjun rahul amit anil arun ashok deepak ganesh gopal harish karthik krishna manoj mohan
    naveen nikhil pradeep rajesh rakesh ramesh ravi sanjay sandeep sunil suresh vijay vikram
    venkatesh
    vinod aditya ajay akash anand ankit ashwin dinesh girish hari mahesh mukesh naresh
    prakash rohit sachin sameer satish shankar siddharth sudhir vivek
    somchai somsak prasert sombat suchart surachai wichai anan chaiwat kittisak nattapong
    thanakorn
    tuan hung quang duc huy hieu cuong thang trung vinh phuc dat
    jesus joao goncalo rodrigo alvaro inigo jordi xavier iker unai aitor joaquim
    hartmut helmut dietmar eckhard ekkehard gernot giselher hartwig heiko hinnerk ingo jorg
    lothar malte meinhard ortwin reinhold sonke swen torsten uwe volker wolfram wulf wigbert
    detlef detlev eberhard egon gunter gunther momme thies broder jannes keno eilert hajo
    jörn thees ocke tammo gerriet frerk lasse piet götz sievert friedhelm reimer reemt hark
    edzard hinrik fokko harro arnd hergen eggert tade wübbe
    thore jelte nis leberecht ottokar arndt jonte matz thoralf okko
    boje ommo hayo fokke ihno tjado jabbo harmen ocko amine
    alfie freddie ollie rory finlay tiernan emrys nurlan bakhyt
    korbinian quirin vitus wastl sepp friedemann gotthard wieland wolfhard frieder friedbert
    hubertus siegbert kunibert
    dafydd emyr ieuan gruffydd aled geraint huw llyr tomos dewi gethin iestyn meirion rhodri
    iolo gwilym
    vasileios charalampos giannis giorgos lefteris michalis thanasis sotiris vangelis
    darragh diarmuid fergal caoimhín murdo ruaridh struan torquil cai elis osian
    adrien arnaud rémi duarte afonso srđan srdjan karol bekir caner cemal cenk doğan ertuğrul fırat
    gökay ilker kağan mesut özkan tugay abdelkader driss hicham lahcen soufiane
    asbjørn erlend gaute magne sindre sverre torstein vegard bas wim gert ebuka ekow eckart
    thilo peider jachen fadri hias ansgar burkhard dankwart bodo falk hasso helge ingolf
    meinolf otmar ottmar rudi siegmund utz veit winfried gerwin irmfried jobst manfried lüder
    sieghard tassilo volkmar wigand wolfhart
    hany islam abdeslam anouar larbi mohcine othmane redouane taoufik afzal ashfaq aslam azhar
    babar iftikhar ijaz mushtaq nawaz pervez qaiser tanveer balaji harjit jagdish bahman
    behrouz morteza siavash hemin rebin shiwan gentian shkëlqim dženan dzenan mirza evgeni
    ilya vyacheslav dmytro mykhailo oleksiy serhiy yevhen cătălin ciprian claudiu cosmin costel
    dorin gheorghe ionuț mircea ovidiu petru răzvan vasile viorel balázs gergely györgy mihály
    aleš františek karel lubomír miloslav ondřej vojtěch zdeněk antti esa heikki ilkka jouni
    jukka jussi markku olli pekka petri seppo tapio teemu tuomas ville guðmundur gudmundur
    sigurður sigurdur otieno odhiambo mwangi thabo sipho themba bongani mandla
    tesfaye tesfay haile tewodros getachew girma alemayehu mulugeta abebe kebede bekele tekle
    tesfalem mesfin yemane kidane goitom habtom mehari filmon biniam negash
    ochieng owino onyango okoth ouma opiyo omondi oluoch okello owuor okumu odongo ooko
    icaro schorsch bartholomaus
    tobiasz dariusz janusz bartosz tadeusz juliusz ireneusz remigiusz
    heiner heino hein hennes volkert wilko hanno thorben ditmar dittmar mattes habbo uko focko
    harke heye nommen
    kolja petja wolodja wanja aljoscha grischa pascha tolja wowa jascha
    minjun jihoon junho seojun dohyun hyunwoo jaehyun sungmin donghyun youngsoo minho jungho
    sangwoo taehyun
    georgi ivaylo stoyan todor gëzim ciwan serhat rênas farshid behzad mebrahtu merhawi
    senthil murugan prasanth eren uchechukwu kiprono kipchoge mthunzi
    dáithí daithi seosamh donncha fearghal eòghann dòmhnall tormod gruffudd hywel dyfan
    dragos daniele obiora jahangir kamrul mizanur shafiqul przemek wojtek wiremu hemi sefo
    vasyl yevhen yevhenii yevgenii hryhorii muhammet çağlar murali stian øyvind denys ostap
    michał
    xiaoming xiaolong xiaogang xiaobo xiaohu xiaodong
    jianguo jianjun jianhua zhiqiang guoqiang weidong haitao zhiyong
    weiqiang yongqiang jianqiang ziqiang
    rojhat welat rizgar soran hejar bawar zia
    srinivasan saravanan sivakumar rajendran venkatesan ramanathan
    zhigang guoliang weiguo jianming jianwei yonggang yongjun zhijun wenbin haibo haifeng
    jianfeng dongsheng jinlong
    budi agus bambang slamet hendra wahyu eko bayu teguh rizky jonel
    hamisi mutua kiprotich wekesa irakli zurab vakhtang tornike
    mindaugas rimantas gediminas audrius aivars edgars raimonds uģis ugis tõnu toomas priit
    tarmo urmas indrek raivo siim krunoslav zvonimir hrvoje ólafur olafur garba umaru aminu
    shehu mahbub rakib sabbir bishal dipak bikash nabin chaminda ruwan nuwan kasun lahiru
    tharindu asanka chathura gorka ibai eneko oriol arnau quim lluís ferran
    doyoon hajun junwoo junseo geonwoo woojin hyunjun seungmin kyungsoo minjae yujun seonwoo
    kieran keiran odhrán odhran ruadhán ruadhan fiachra ultan
    """
)

#: first names of the other sex, or of either, in a country than the name data and the lists
#: above read them, by the country code of the sender's mail domain: the US births call
#: Janne, Jani and Kari girls, in Finland they are men; Inge and Ola are Swedish and Norwegian
#: men, Eli a Norwegian woman; Simone, Michele and Daniele Italian men, Celeste either; Darci
#: a Brazilian man; Jean a French man (a British woman); Camille either in France. From such
#: a domain the name says nothing and the greeting stays neutral ("Dear Janne Lindholm,"),
#: unless the mail says more ("(Herr)", "als Vater")
OTHER_SEX_ABROAD = {
    country: _words(names)
    for countries, names in (
        (("fi",), "janne jani kari"),
        (("se",), "janne inge ola"),
        (("no",), "inge ola eli"),
        (("it", "sm"), "simone michele daniele celeste"),
        (("br", "pt"), "darci"),
        (("fr", "be", "lu", "ca"), "jean camille"),
        (("ch",), "jean"),
    )
    for country in countries
}

#: German short forms whose US namesakes are of the other sex ("Kalle" is Karl here, "Andi"
#: Andreas; the US births hold them as girls' names, spelt like Callie and Andie): asked
#: first for German mail when no Austrian or Swiss list holds the name
GERMAN_USE = {"kalle": "male", "andi": "male", "henner": "male", "tilo": "male"}
