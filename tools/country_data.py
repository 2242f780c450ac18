"""Hand-written country data used by tools/build_countries.py: aliases, adjectives and
demonyms, capitals and metonym cities, in English and French (written for tocsin)."""

#: Territories with no ISO alpha-3 code that news treats as countries.
EXTRA_COUNTRIES = {
    "XKX": ("XK", "Kosovo", "Kosovo"),
}

#: Names that replace CLDR's short names: iso3 → (English, French); empty keeps CLDR's.
NAME_FIXES = {
    "COD": ("Democratic Republic of the Congo", "République démocratique du Congo"),
    "COG": ("Republic of the Congo", "République du Congo"),
    "HKG": ("Hong Kong", "Hong Kong"),
    "MAC": ("Macao", "Macao"),
    "MMR": ("Myanmar", "Myanmar"),
    "PSE": ("Palestine", "Palestine"),
    "VAT": ("Vatican City", "Vatican"),
    "VNM": ("Vietnam", "Viêt Nam"),
    "CIV": ("Côte d'Ivoire", "Côte d'Ivoire"),
    "TUR": ("Türkiye", "Turquie"),
    # "Maurice" alone is a first name in French text.
    "MUS": ("", "Île Maurice"),
}

#: Names from CLDR or pycountry that are not indexed: a first name, or a name news gives
#: to another country (``Congo`` is the Democratic Republic of the Congo in news).
DROP_ALIASES = {
    "MUS": {"Maurice"},
    "COG": {"Congo"},
}

#: Other names, both languages, ``|``-separated.
ALIASES = {
    "USA": "United States|United States of America|US|U.S.|USA|U.S.A.|America|États-Unis|Etats-Unis|États-Unis d'Amérique|Amérique|Oncle Sam",
    "GBR": "Britain|Great Britain|UK|U.K.|United Kingdom|Royaume-Uni|Royaume Uni|Grande-Bretagne|England|Angleterre|Northern Ireland|Irlande du Nord",
    "RUS": "Russia|Russian Federation|Fédération de Russie|Russie",
    "CHN": "China|PRC|People's Republic of China|République populaire de Chine|RPC|Chine populaire|mainland China|Chine continentale|empire du Milieu|Empire du milieu",
    "PRK": "North Korea|DPRK|Democratic People's Republic of Korea|Corée du Nord|RPDC|République populaire démocratique de Corée",
    "KOR": "South Korea|Republic of Korea|ROK|Korea|Corée du Sud|République de Corée|Corée|pays du Matin calme",
    "TWN": "Taiwan|Taïwan|Republic of China|République de Chine|Formosa|Formose",
    "PSE": "Palestine|State of Palestine|Palestinian territories|Palestinian Territories|occupied Palestinian territories|West Bank|Gaza Strip|État de Palestine|Territoires palestiniens|territoires palestiniens occupés|Cisjordanie|bande de Gaza",
    "IRN": "Iran|Islamic Republic of Iran|République islamique d'Iran|République islamique|Islamic Republic",
    "SYR": "Syria|Syrian Arab Republic|Syrie|République arabe syrienne",
    "COD": "DR Congo|DRC|Democratic Republic of Congo|Congo-Kinshasa|Congo|RDC|RD Congo|République démocratique du Congo",
    "COG": "Republic of Congo|Congo-Brazzaville|Congo Brazzaville|République du Congo",
    "TUR": "Turkey|Türkiye|Turkiye|Turquie",
    "CIV": "Ivory Coast|Côte d'Ivoire|Cote d'Ivoire",
    "CZE": "Czech Republic|Czechia|République tchèque|Tchéquie",
    "MMR": "Myanmar|Burma|Birmanie",
    "MKD": "North Macedonia|Macedonia|Macédoine du Nord|Macédoine",
    "SWZ": "Swaziland|Eswatini",
    "TLS": "East Timor|Timor-Leste|Timor oriental",
    "CPV": "Cape Verde|Cabo Verde|Cap-Vert",
    "VAT": "Vatican|Holy See|Vatican City|Saint-Siège|Cité du Vatican",
    "NLD": "Netherlands|Holland|Pays-Bas|Hollande",
    "BLR": "Belarus|Belorussia|Byelorussia|Biélorussie|Bélarus",
    "MDA": "Moldova|Moldavie|Republic of Moldova",
    "VNM": "Vietnam|Viet Nam|Viêt Nam|Viêtnam|Vietnam",
    "LAO": "Laos|Lao PDR",
    "ARE": "UAE|United Arab Emirates|Emirates|EAU|Émirats arabes unis|Émirats",
    "SAU": "Saudi Arabia|KSA|Arabie saoudite|Arabie Saoudite",
    "BIH": "Bosnia|Bosnia and Herzegovina|Bosnia-Herzegovina|Bosnie|Bosnie-Herzégovine",
    "DEU": "Germany|FRG|Allemagne|RFA",
    "HKG": "Hong Kong|Hongkong",
    "MAC": "Macau|Macao",
    "FRA": "France|French Republic|République française|Hexagone",
    "UKR": "Ukraine",
    "ISR": "Israel|State of Israel|Israël|État d'Israël|État hébreu",
    "IND": "India|Republic of India|Inde",
    "PAK": "Pakistan",
    "AFG": "Afghanistan",
    "IRQ": "Iraq|Irak",
    "LBN": "Lebanon|Liban|pays du Cèdre|pays du cèdre",
    "YEM": "Yemen|Yémen",
    "LBY": "Libya|Libye",
    "EGY": "Egypt|Égypte|Egypte",
    "ETH": "Ethiopia|Éthiopie|Ethiopie",
    "ERI": "Eritrea|Érythrée|Erythrée",
    "ECU": "Ecuador|Équateur|Equateur",
    "SSD": "South Sudan|Soudan du Sud",
    "CAF": "Central African Republic|Centrafrique|RCA|République centrafricaine",
    "DOM": "Dominican Republic|République dominicaine",
    "GNQ": "Equatorial Guinea|Guinée équatoriale",
    "PNG": "Papua New Guinea|Papouasie-Nouvelle-Guinée",
    "NZL": "New Zealand|Nouvelle-Zélande",
    "ZAF": "South Africa|Afrique du Sud",
    "STP": "São Tomé and Príncipe|Sao Tome and Principe|Sao Tomé-et-Principe",
    "KNA": "Saint Kitts and Nevis|Saint-Kitts-et-Nevis",
    "VCT": "Saint Vincent and the Grenadines|Saint-Vincent-et-les-Grenadines",
    "LCA": "Saint Lucia",
    "ATG": "Antigua and Barbuda",
    "TTO": "Trinidad and Tobago",
    "BHS": "The Bahamas",
    "GMB": "The Gambia",
    "FSM": "Federated States of Micronesia",
    "MUS": "Mauritius|République de Maurice",
    "KGZ": "Kyrgyzstan|Kyrgyz Republic|Kirghizstan|Kirghizistan",
    "TJK": "Tajikistan|Tadjikistan",
    "TKM": "Turkmenistan|Turkménistan",
    "UZB": "Uzbekistan|Ouzbékistan",
    "KAZ": "Kazakhstan",
    "AZE": "Azerbaijan|Azerbaïdjan|Azerbaidjan",
    "BHR": "Bahrain|Bahreïn|Bahrein",
    "KWT": "Kuwait|Koweït|Koweit",
    "QAT": "Qatar",
    "OMN": "Oman|Sultanate of Oman|Sultanat d'Oman",
    "JOR": "Jordan|Jordanie",
    "ESH": "Western Sahara|Sahara occidental",
    "XKX": "Kosovo|Republic of Kosovo",
    "MAR": "royaume chérifien|Royaume chérifien|chérifien|chérifienne|chérifiens|chérifiennes",
    "JPN": "pays du Soleil-Levant|archipel nippon|nippon|nippone|nippons|nippones",
    "CHE": "Confédération helvétique|helvétique|helvétiques",
    "GRC": "hellénique|helléniques",
}

# Base adjectives: iso3 → (English adjectives, French masculine singular adjectives),
# each ``,``-separated; empty where a territory has none in use.
ADJECTIVES_TABLE = """
ABW;Aruban;arubais
AFG;Afghan;afghan
AGO;Angolan;angolais
AIA;Anguillan;anguillais
ALA;Ålandic;ålandais
ALB;Albanian;albanais
AND;Andorran;andorran
ARE;Emirati,Emirian;émirien,émirati
ARG;Argentine,Argentinian;argentin
ARM;Armenian;arménien
ASM;American Samoan;américano-samoan
ATA;Antarctic;antarctique
ATF;;
ATG;Antiguan,Barbudan;antiguais,barbudien
AUS;Australian;australien
AUT;Austrian;autrichien
AZE;Azerbaijani,Azeri;azerbaïdjanais,azéri
BDI;Burundian;burundais
BEL;Belgian;belge
BEN;Beninese;béninois
BES;;
BFA;Burkinabe,Burkinabè;burkinabè,burkinabé
BGD;Bangladeshi;bangladais
BGR;Bulgarian;bulgare
BHR;Bahraini;bahreïnien
BHS;Bahamian;bahaméen
BIH;Bosnian;bosnien
BLM;;barthélemois
BLR;Belarusian,Belarussian,Byelorussian;biélorusse,bélarusse
BLZ;Belizean;bélizien
BMU;Bermudian;bermudien
BOL;Bolivian;bolivien
BRA;Brazilian;brésilien
BRB;Barbadian;barbadien
BRN;Bruneian;brunéien
BTN;Bhutanese;bhoutanais
BVT;;
BWA;Botswanan;botswanais
CAF;Central African;centrafricain
CAN;Canadian;canadien
CCK;;
CHE;Swiss;suisse
CHL;Chilean;chilien
CHN;Chinese;chinois
CIV;Ivorian;ivoirien
CMR;Cameroonian;camerounais
COD;Congolese;congolais
COG;Congolese;congolais
COK;Cook Islander;
COL;Colombian;colombien
COM;Comoran,Comorian;comorien
CPV;Cape Verdean,Cabo Verdean;cap-verdien
CRI;Costa Rican;costaricien,costaricain
CUB;Cuban;cubain
CUW;Curaçaoan;curacien
CXR;;
CYM;Caymanian;caïmanais
CYP;Cypriot;chypriote,cypriote
CZE;Czech;tchèque
DEU;German;allemand
DJI;Djiboutian;djiboutien
DMA;;dominiquais
DNK;Danish;danois
DOM;Dominican;dominicain
DZA;Algerian;algérien
ECU;Ecuadorian,Ecuadorean;équatorien
EGY;Egyptian;égyptien
ERI;Eritrean;érythréen
ESH;Sahrawi;sahraoui
ESP;Spanish;espagnol
EST;Estonian;estonien
ETH;Ethiopian;éthiopien
FIN;Finnish;finlandais
FJI;Fijian;fidjien
FLK;Falkland Islander;
FRA;French;français
FRO;Faroese;féroïen
FSM;Micronesian;micronésien
GAB;Gabonese;gabonais
GBR;British;britannique
GEO;Georgian;géorgien
GGY;;guernesiais
GHA;Ghanaian;ghanéen
GIB;Gibraltarian;gibraltarien
GIN;Guinean;guinéen
GLP;Guadeloupean;guadeloupéen
GMB;Gambian;gambien
GNB;Bissau-Guinean;bissau-guinéen
GNQ;Equatorial Guinean,Equatoguinean;équato-guinéen
GRC;Greek;grec
GRD;Grenadian;grenadien
GRL;Greenlandic;groenlandais
GTM;Guatemalan;guatémaltèque
GUF;French Guianese;guyanais
GUM;Guamanian;guamien
GUY;Guyanese;guyanien
HKG;Hongkongese;hongkongais
HMD;;
HND;Honduran;hondurien
HRV;Croatian;croate
HTI;Haitian;haïtien
HUN;Hungarian;hongrois
IDN;Indonesian;indonésien
IMN;Manx;mannois
IND;Indian;indien
IOT;;
IRL;Irish;irlandais
IRN;Iranian;iranien
IRQ;Iraqi;irakien
ISL;Icelandic;islandais
ISR;Israeli;israélien
ITA;Italian;italien
JAM;Jamaican;jamaïcain
JEY;;jersiais
JOR;Jordanian;jordanien
JPN;Japanese;japonais
KAZ;Kazakh,Kazakhstani;kazakh,kazakhstanais
KEN;Kenyan;kényan
KGZ;Kyrgyz,Kyrgyzstani;kirghiz
KHM;Cambodian;cambodgien
KIR;I-Kiribati;kiribatien
KNA;Kittitian,Nevisian;christophien
KOR;South Korean,Korean;sud-coréen,coréen
KWT;Kuwaiti;koweïtien
LAO;Laotian;laotien
LBN;Lebanese;libanais
LBR;Liberian;libérien
LBY;Libyan;libyen
LCA;Saint Lucian;saint-lucien
LIE;Liechtensteiner;liechtensteinois
LKA;Sri Lankan;sri-lankais
LSO;Basotho;lesothien
LTU;Lithuanian;lituanien
LUX;Luxembourgish;luxembourgeois
LVA;Latvian;letton
MAC;Macanese;macanais
MAF;;saint-martinois
MAR;Moroccan;marocain
MCO;Monegasque;monégasque
MDA;Moldovan;moldave
MDG;Malagasy;malgache
MDV;Maldivian;maldivien
MEX;Mexican;mexicain
MHL;Marshallese;marshallais
MKD;Macedonian,North Macedonian;macédonien,nord-macédonien
MLI;Malian;malien
MLT;Maltese;maltais
MMR;Burmese;birman
MNE;Montenegrin;monténégrin
MNG;Mongolian;mongol
MNP;Northern Marianan;mariannais
MOZ;Mozambican;mozambicain
MRT;Mauritanian;mauritanien
MSR;Montserratian;montserratien
MTQ;Martinican;martiniquais
MUS;Mauritian;mauricien
MWI;Malawian;malawite
MYS;Malaysian;malaisien,malaysien
MYT;Mahoran;mahorais
NAM;Namibian;namibien
NCL;New Caledonian;néo-calédonien
NER;Nigerien;nigérien
NFK;Norfolk Islander;norfolkais
NGA;Nigerian;nigérian
NIC;Nicaraguan;nicaraguayen
NIU;Niuean;niuéen
NLD;Dutch;néerlandais,hollandais
NOR;Norwegian;norvégien
NPL;Nepalese,Nepali;népalais
NRU;Nauruan;nauruan
NZL;;néo-zélandais
OMN;Omani;omanais
PAK;Pakistani;pakistanais
PAN;Panamanian;panaméen
PCN;Pitcairn Islander;pitcairnais
PER;Peruvian;péruvien
PHL;Filipino,Philippine;philippin
PLW;Palauan;palaosien
PNG;Papua New Guinean;papouasien,papouan-néo-guinéen
POL;Polish;polonais
PRI;Puerto Rican;portoricain
PRK;North Korean;nord-coréen
PRT;Portuguese;portugais
PRY;Paraguayan;paraguayen
PSE;Palestinian;palestinien
PYF;French Polynesian;polynésien
QAT;Qatari;qatarien,qatari
REU;Reunionese,Réunionese;réunionnais
ROU;Romanian;roumain
RUS;Russian;russe
RWA;Rwandan;rwandais
SAU;Saudi,Saudi Arabian;saoudien
SDN;Sudanese;soudanais
SEN;Senegalese;sénégalais
SGP;Singaporean;singapourien
SGS;;
SHN;Saint Helenian;
SJM;;
SLB;Solomon Islander;salomonais
SLE;Sierra Leonean;sierra-léonais
SLV;Salvadoran,Salvadorean;salvadorien
SMR;Sammarinese;saint-marinais
SOM;Somali,Somalian;somalien
SPM;;saint-pierrais
SRB;Serbian;serbe
SSD;South Sudanese;sud-soudanais
STP;Santomean,São Toméan;santoméen
SUR;Surinamese;surinamais
SVK;Slovak,Slovakian;slovaque
SVN;Slovenian,Slovene;slovène
SWE;Swedish;suédois
SWZ;Swazi;swazi
SXM;Sint Maartener;
SYC;Seychellois;seychellois
SYR;Syrian;syrien
TCA;;
TCD;Chadian;tchadien
TGO;Togolese;togolais
THA;Thai;thaïlandais,thaï
TJK;Tajik,Tajikistani;tadjik
TKL;Tokelauan;tokelauan
TKM;Turkmen;turkmène
TLS;Timorese,East Timorese;timorais,est-timorais
TON;Tongan;tongien
TTO;Trinidadian,Tobagonian;trinidadien
TUN;Tunisian;tunisien
TUR;Turkish;turc
TUV;Tuvaluan;tuvaluan
TWN;Taiwanese;taïwanais
TZA;Tanzanian;tanzanien
UGA;Ugandan;ougandais
UKR;Ukrainian;ukrainien
UMI;;
URY;Uruguayan;uruguayen
USA;American;américain
UZB;Uzbek,Uzbekistani;ouzbek
VAT;Vatican;vatican
VCT;Vincentian;vincentais
VEN;Venezuelan;vénézuélien
VGB;British Virgin Islander;
VIR;US Virgin Islander;
VNM;Vietnamese;vietnamien
VUT;Ni-Vanuatu;vanuatais
WLF;Wallisian,Futunan;wallisien,futunien
WSM;Samoan;samoan
YEM;Yemeni;yéménite
ZAF;South African;sud-africain
ZMB;Zambian;zambien
ZWE;Zimbabwean;zimbabwéen
XKX;Kosovar,Kosovan;kosovar
"""

#: English demonym nouns that are not the adjective (plurals written out).
EN_DEMONYMS = {
    "GBR": "Briton|Britons|Brit|Brits",
    "FRA": "Frenchman|Frenchmen|Frenchwoman|Frenchwomen",
    "NLD": "Dutchman|Dutchmen|Netherlander|Netherlanders",
    "DNK": "Dane|Danes",
    "SWE": "Swede|Swedes",
    "FIN": "Finn|Finns",
    "POL": "Pole|Poles",
    "TUR": "Turk|Turks",
    "ESP": "Spaniard|Spaniards",
    "SRB": "Serb|Serbs",
    "HRV": "Croat|Croats",
    "ISL": "Icelander|Icelanders",
    "GRL": "Greenlander|Greenlanders",
    "LUX": "Luxembourger|Luxembourgers",
    "NZL": "New Zealander|New Zealanders",
    "IRL": "Irishman|Irishmen|Irishwoman",
    "PHL": "Filipina|Filipinas",
    "HKG": "Hongkonger|Hongkongers|Hong Konger|Hong Kongers",
    "BIH": "Bosniak|Bosniaks",
    "BWA": "Motswana|Batswana",
    "LSO": "Mosotho",
    "KGZ": "Kirghiz",
    "USA": "Yankee|Yankees",
}

#: French adjectives whose feminine and plural forms do not follow ``french_forms``'s rules.
FR_IRREGULAR = {
    "grec": "grec|grecque|grecs|grecques",
    "turc": "turc|turque|turcs|turques",
    "ouzbek": "ouzbek|ouzbèke|ouzbeks|ouzbèkes|ouzbeke|ouzbekes",
    "letton": "letton|lettone|lettonne|lettons|lettones|lettonnes",
    "burkinabè": "burkinabè|burkinabès",
    "burkinabé": "burkinabé|burkinabée|burkinabés|burkinabées",
    "émirati": "émirati|émiratie|émiratis|émiraties",
    "qatari": "qatari|qatarie|qataris|qataries",
    "swazi": "swazi|swazie|swazis|swazies",
    "thaï": "thaï|thaïe|thaïs|thaïes",
    "kosovar": "kosovar|kosovare|kosovars|kosovares",
}

#: Capitals and metonym cities, both languages, ``|``-separated.
CAPITALS = {
    "AFG": "Kabul|Kaboul",
    "ALB": "Tirana|Tirane",
    "DZA": "Algiers|Alger",
    "AGO": "Luanda",
    "ARG": "Buenos Aires",
    "ARM": "Yerevan|Erevan|Erevan",
    "AUS": "Canberra",
    "AUT": "Vienna|Vienne",
    "AZE": "Baku|Bakou",
    "BHR": "Manama",
    "BGD": "Dhaka|Dacca",
    "BLR": "Minsk",
    "BEN": "Porto-Novo|Cotonou",
    "BOL": "La Paz",
    "BIH": "Sarajevo",
    "BRA": "Brasília|Brasilia",
    "BGR": "Sofia",
    "BFA": "Ouagadougou",
    "BDI": "Gitega|Bujumbura",
    "BTN": "Thimphu",
    "BWA": "Gaborone",
    "KHM": "Phnom Penh",
    "CMR": "Yaoundé|Yaounde",
    "CAN": "Ottawa",
    "CAF": "Bangui",
    "TCD": "N'Djamena|Ndjamena|N'Djaména",
    "CHN": "Beijing|Pékin|Peking|Pekin",
    "COL": "Bogotá|Bogota",
    "COD": "Kinshasa",
    "COG": "Brazzaville",
    "CIV": "Abidjan|Yamoussoukro",
    "HRV": "Zagreb",
    "CUB": "Havana|La Havane",
    "CYP": "Nicosia|Nicosie",
    "CZE": "Prague",
    "DNK": "Copenhagen|Copenhague",
    "DOM": "Santo Domingo|Saint-Domingue",
    "ECU": "Quito",
    "EGY": "Cairo|Le Caire",
    "SLV": "San Salvador",
    "ERI": "Asmara",
    "EST": "Tallinn",
    "ETH": "Addis Ababa|Addis-Abeba",
    "FIN": "Helsinki",
    "FRA": "Paris",
    "GAB": "Libreville",
    "GEO": "Tbilisi|Tbilissi",
    "DEU": "Berlin",
    "GHA": "Accra",
    "GRC": "Athens|Athènes",
    "GIN": "Conakry",
    "HTI": "Port-au-Prince",
    "HND": "Tegucigalpa",
    "HUN": "Budapest",
    "ISL": "Reykjavik|Reykjavík",
    "IND": "New Delhi|Delhi|New-Delhi|Nouvelle-Delhi",
    "IDN": "Jakarta|Djakarta",
    "IRN": "Tehran|Téhéran|Teheran",
    "IRQ": "Baghdad|Bagdad",
    "IRL": "Dublin",
    "ISR": "Jerusalem|Jérusalem|Tel Aviv|Tel-Aviv",
    "ITA": "Rome",
    "JPN": "Tokyo",
    "JOR": "Amman",
    "KAZ": "Astana",
    "KEN": "Nairobi",
    "KGZ": "Bishkek|Bichkek",
    "LAO": "Vientiane",
    "LVA": "Riga",
    "LBN": "Beirut|Beyrouth",
    "LBY": "Tripoli",
    "LBR": "Monrovia",
    "LSO": "Maseru",
    "LTU": "Vilnius",
    "MDG": "Antananarivo|Tananarive",
    "MWI": "Lilongwe",
    "MYS": "Kuala Lumpur",
    "MLI": "Bamako",
    "MRT": "Nouakchott",
    "MEX": "Mexico City|Mexico",
    "MDA": "Chisinau|Chișinău|Kichinev",
    "MNG": "Ulaanbaatar|Ulan Bator|Oulan-Bator",
    "MNE": "Podgorica",
    "MAR": "Rabat",
    "MOZ": "Maputo",
    "MMR": "Naypyidaw|Naypyitaw|Nay Pyi Taw",
    "NAM": "Windhoek",
    "NPL": "Kathmandu|Katmandou",
    "NLD": "Amsterdam",
    "NZL": "Wellington",
    "NIC": "Managua",
    "NER": "Niamey",
    "NGA": "Abuja",
    "PRK": "Pyongyang",
    "MKD": "Skopje",
    "NOR": "Oslo",
    "OMN": "Muscat|Mascate",
    "PAK": "Islamabad",
    "PSE": "Ramallah|Gaza|Gaza City|Gaza-ville",
    "PRY": "Asunción|Asuncion",
    "PER": "Lima",
    "PHL": "Manila|Manille",
    "POL": "Warsaw|Varsovie",
    "PRT": "Lisbon|Lisbonne",
    "QAT": "Doha",
    "ROU": "Bucharest|Bucarest",
    "RUS": "Moscow|Moscou",
    "RWA": "Kigali",
    "SAU": "Riyadh|Riyad|Ryad",
    "SEN": "Dakar",
    "SRB": "Belgrade",
    "SLE": "Freetown",
    "SVK": "Bratislava",
    "SVN": "Ljubljana",
    "SOM": "Mogadishu|Mogadiscio",
    "ZAF": "Pretoria",
    "KOR": "Seoul|Séoul",
    "SSD": "Juba|Djouba",
    "ESP": "Madrid",
    "LKA": "Colombo",
    "SDN": "Khartoum",
    "SWE": "Stockholm",
    "CHE": "Bern|Berne",
    "SYR": "Damascus|Damas",
    "TWN": "Taipei|Taïpei",
    "TJK": "Dushanbe|Douchanbé",
    "TZA": "Dodoma|Dar es Salaam",
    "THA": "Bangkok",
    "TGO": "Lomé|Lome",
    "TUN": "Tunis",
    "TUR": "Ankara",
    "TKM": "Ashgabat|Achgabat",
    "UGA": "Kampala",
    "UKR": "Kyiv|Kiev|Kiïv|Kyïv",
    "ARE": "Abu Dhabi|Abou Dhabi",
    "GBR": "London|Londres",
    "USA": "Washington",
    "URY": "Montevideo",
    "UZB": "Tashkent|Tachkent",
    "VEN": "Caracas",
    "VNM": "Hanoi|Hanoï",
    "YEM": "Sanaa|Sana'a",
    "ZMB": "Lusaka",
    "ZWE": "Harare",
    "TLS": "Dili",
    "PNG": "Port Moresby",
    "XKX": "Pristina|Priština|Prishtina",
    # capitals of smaller states that news names as their government
    "GNQ": "Malabo",
    "GMB": "Banjul",
    "GNB": "Bissau",
    "CPV": "Praia",
    "COM": "Moroni",
    "MUS": "Port Louis|Port-Louis",
    "STP": "São Tomé|Sao Tomé|Sao Tome",
    "SWZ": "Mbabane",
    "CHL": "Santiago du Chili|Santiago de Chile",
    "GUY": "Georgetown",
    "SUR": "Paramaribo",
    "BLZ": "Belmopan",
    "TTO": "Port of Spain|Port-d'Espagne",
    "BRB": "Bridgetown",
    "BRN": "Bandar Seri Begawan",
    "FJI": "Suva",
    "MLT": "Valletta|La Valette",
}
