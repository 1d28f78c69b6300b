#!/usr/bin/env python3
"""Generates Corpus/profiles.json and Corpus/offers.json (deterministic, stdlib only).

    python3 Corpus/tools/make_samples.py

The gold-case profiles and offers are hand-written in gold_data.py and written first, exactly as
they stand; the rest is drawn from the template pools below with a fixed seed. Every person is
fictitious: names are never stored, case ids are made up, and any likeness is chance.

A generated offer that the reference scorer (score.py) would rank near or above a gold case's
best offer is moved to another town, so the gold cases test the feature they are about and not
the luck of the draw.
"""
import json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import gold_data, score, check_corpus

rnd = random.Random(20260214)

# ---------------------------------------------------------------------------------------------
# Roles: what people tell at intake and what employers ask for, per occupation.
# p_titles: titles as told (Danish, English, slips); tasks; skills; lic: licences people in the
# role often hold; o_titles, must, nice: how employers write offers; demands; lreq: licence
# requirements an offer may have; dan: minimum Danish an offer may ask; emp: employer names.
R = []
def role(sector, code, p_titles, tasks, skills, o_titles, must, nice, emp, lic=(), demands=(), lreq=((),), dan=(None, "A1", "A2"), edu=(), eng=0.0, shift=0.2):
    R.append(dict(sector=sector, code=code, p_titles=p_titles, tasks=tasks, skills=skills, o_titles=o_titles, must=must,
                  nice=nice, emp=emp, lic=lic, demands=demands, lreq=lreq, dan=dan, edu=edu, eng=eng, shift=shift))

role("sector.elder-care", "5322", ["sosu-hjælper", "social- og sundhedshjælper", "care worker", "hjemmehjælper", "plejehjælper", "sosu hjælper", "caregiver"],
     ["personlig pleje og hjælp til bad", "hjælp ved måltider", "forflytning med lift", "praktisk hjælp i hjemmet"],
     ["personlig pleje", "forflytning", "demens", "hjælp ved måltider", "dokumentation i omsorgssystem"],
     ["Social- og sundhedshjælper til plejecenter", "Sosu-hjælper i hjemmeplejen", "Plejemedhjælper til demensafsnit", "Afløser i plejen"],
     ["social- og sundhedshjælper", "personlig pleje", "plejemedhjælper", "forflytning"], ["demensomsorg", "medicinhåndtering", "infektionshygiejne", "velfærdsteknologi"],
     ["Plejecenter Solbakken", "Plejehjemmet Lindegården", "Ældrecentret Birkely", "Hjemmeplejen Syd", "Plejecenter Rosenhaven", "Omsorgscentret Kastanjehaven"],
     lic=("first-aid",), demands=("standing", "heavy-lifting", "night-work"), lreq=((), (), ("B",)), dan=("A2", "A2", "B1", None), edu=("sosu-hjælperuddannelse", "nursing aid course"), shift=0.5)
role("sector.elder-care", "5321", ["social- og sundhedsassistent", "sosu-assistent", "health care assistant"],
     ["medicindosering", "sårpleje og observation", "dokumentation i Nexus"],
     ["medicinhåndtering", "omsorgsdokumentation", "palliativ pleje"],
     ["Social- og sundhedsassistent til plejecenter", "Sosu-assistent, aftenvagt"],
     ["social- og sundhedsassistent", "medicinhåndtering"], ["palliativ pleje", "omsorgsjournal"],
     ["Plejecenter Solbakken", "Sundhedshuset Nord", "Plejecentret Egebo"], lreq=((), ("authorisation",)), dan=("B1", "B2"), shift=0.6)
role("sector.elder-care", "5329", ["omsorgsmedhjælper", "support worker", "aktivitetsmedarbejder", "bostedsmedarbejder"],
     ["aktiviteter for beboere", "gåture med beboere", "konfliktnedtrapning"],
     ["aktiviteter for ældre", "konflikthåndtering", "sang og musik med ældre"],
     ["Aktivitetsmedarbejder til dagcenter", "Omsorgsmedhjælper til bosted"],
     ["aktivitetsmedarbejder", "omsorgsmedhjælper", "aktiviteter for ældre"], ["konflikthåndtering"],
     ["Dagcenter Bøgely", "Bostedet Kildehuset", "Aktivitetscentret Strandparken"], dan=("A2", "B1"))
role("sector.cleaning", "9112", ["rengøringsassistent", "cleaner", "rengøringsdame", "rengørings assistent", "office cleaner", "rengøringsmedarbejder", "rengøringasassistent"],
     ["kontorrengøring", "gulvvask og moppning", "toiletrengøring", "affaldssortering"],
     ["gulvvask", "toiletrengøring", "industristøvsuger", "affaldssortering", "skuremaskine"],
     ["Rengøringsassistent til kontorer", "Rengøringsmedarbejder til skole", "Rengøringsassistent, morgenhold", "Rengøringsassistent til erhvervskunder"],
     ["rengøringsassistent", "gulvpleje", "toiletrengøring"], ["rengøringsmaskiner", "insta 800", "affaldssortering"],
     ["ISS Facility Services (afd.)", "CleanTeam ApS", "Rent & Pænt ApS", "ServiceGruppen A/S", "Nordisk Rengøring ApS", "Blank Kontorservice"],
     demands=("chemicals", "standing"), dan=(None, "A1", "A2"), shift=0.4)
role("sector.cleaning", "9112", ["stuepige", "room attendant", "housekeeping", "chambermaid", "værelsespige"],
     ["redning af senge", "badeværelsesrengøring", "skift af sengetøj"],
     ["sengeredning", "badeværelsesrengøring", "strygning"],
     ["Stuepige til hotel", "Room attendant / stuepige", "Housekeeping-medarbejder"],
     ["stuepige", "redning af senge", "badeværelsesrengøring"], ["strygning"],
     ["Hotel Nordlys", "Comwell (afd.)", "Scandic (afd.)", "Hotel Kongensgaard", "Best Western Plus (afd.)"], demands=("chemicals", "standing"), dan=(None, "A1"), eng=0.4, shift=0.5)
role("sector.cleaning", "9112", ["hospitalsserviceassistent", "hospital cleaner", "portør", "serviceassistent"],
     ["rengøring af isolationsstuer", "desinfektion", "patienttransport"],
     ["desinfektion", "smitterengøring", "afspritning"],
     ["Hospitalsserviceassistent", "Portør til akutafdeling", "Serviceassistent til sygehus"],
     ["hospitalsserviceassistent", "desinfektion"], ["insta 800", "portør"],
     ["Region Hovedstaden Hospitalsservice", "Sygehus Syd Service", "Regionshospitalets Serviceafdeling"], demands=("chemicals", "standing", "night-work"), dan=("A2", "B1"), shift=0.6)
role("sector.cleaning", "9121", ["vaskerimedarbejder", "laundry worker", "vaskeri"],
     ["sortering af linned", "rulning af linned", "industrivaskemaskiner"],
     ["strygning", "rulning af linned"],
     ["Vaskerimedarbejder til industrivaskeri"], ["vaskerimedarbejder", "strygning"], ["affaldssortering"],
     ["Berendsen Textil Service (afd.)", "De Forenede Dampvaskerier (afd.)", "Vaskeriet Ø"], demands=("standing", "heavy-lifting"), dan=(None,))
role("sector.hospitality", "9412", ["køkkenmedhjælper", "kitchen assistant", "kitchen helper", "køkkenassistent", "kokkenmedhjælper"],
     ["opvask", "klargøring af grøntsager", "anretning", "rengøring af køkken"],
     ["opvask", "madlavning", "koldt køkken", "hygiejnebevis", "klargøring af grøntsager"],
     ["Køkkenmedhjælper til kantine", "Køkkenmedhjælper til restaurant", "Køkkenassistent til produktionskøkken"],
     ["køkkenmedhjælper", "madlavning", "opvask"], ["haccp", "koldt køkken", "storkøkkenproduktion"],
     ["Restaurant Havnekanten", "Kantinen ved Rådhuset", "Madhuset ApS", "Cafe Gaia", "Restaurant Basilikum", "Kantineservice Nord"],
     lic=("hygiene",), demands=("standing",), lreq=((), ("hygiene",)), dan=(None, "A1", "A2"), shift=0.5)
role("sector.hospitality", "9412", ["opvasker", "dishwasher", "kitchen porter", "opvaskemedarbejder"],
     ["opvask", "grydevask", "rengøring"], ["opvask", "opvaskemaskine", "grydevask"],
     ["Opvasker til restaurant", "Opvaskemedarbejder, aftenhold"], ["opvasker", "opvask"], ["haccp"],
     ["Restaurant Mellemrummet", "Hotel Nordlys", "Brasserie Tårnet", "Restaurant Kronborg"], demands=("standing",), dan=(None,), shift=0.8, eng=0.3)
role("sector.hospitality", "5120", ["kok", "cook", "chef", "kokk", "restaurant cook", "grillkok"],
     ["madlavning", "menuplanlægning", "grill og varme retter"], ["madlavning", "storkøkkenproduktion", "allergener", "haccp"],
     ["Kok til restaurant", "Kok til kantine", "Kok med erfaring fra mellemøstligt køkken"],
     ["kok", "madlavning"], ["haccp", "allergener", "koldt køkken"],
     ["Restaurant Levante", "Kantinen ved Rådhuset", "Madhuset ApS", "Restaurant Damaskus", "Hotel Park"], lic=("hygiene",), lreq=((), ("hygiene",)), dan=(None, "A2", "B1"), shift=0.6)
role("sector.hospitality", "9411", ["pizzabager", "pizza maker", "shawarma", "kebab", "fast food worker", "grillbar"],
     ["pizza og shawarma", "kasse og kunder"], ["madlavning", "kassebetjening", "hygiejnebevis"],
     ["Pizzabager til pizzeria", "Fastfood-medarbejder til burgerbar"], ["pizzabager", "fastfood-medarbejder"], ["kassebetjening"],
     ["Pizzeria Roma", "Sultans Grill", "Burger & Co."], lic=("hygiene",), lreq=(("hygiene",), ()), dan=(None,), shift=0.8)
role("sector.hospitality", "5131", ["tjener", "waiter", "servitrice", "serveringsmedarbejder", "morgenmadsmedarbejder"],
     ["servering", "opdækning", "afrydning", "kaffemaskine"], ["servering", "opdækning", "barista", "gæsteservice"],
     ["Tjener til restaurant", "Serveringsmedarbejder til selskaber", "Morgenmadsmedarbejder til hotel"],
     ["tjener", "servering"], ["selskaber og buffet", "gæsteservice"],
     ["Hotel Park", "Restaurant Havnekanten", "Hotel Kongensgaard", "Konferencecenter Søhuset"], dan=("A2", "B1"), eng=0.5, shift=0.8)
role("sector.hospitality", "4224", ["receptionist", "hotel receptionist", "front desk"],
     ["check-in", "booking", "gæsteservice"], ["bookingsystem", "gæsteservice", "engelsk"],
     ["Hotelreceptionist", "Receptionist til hotel"], ["hotelreceptionist", "check-in og bookingsystem"], ["gæsteservice"],
     ["Hotel Park", "Hotel Nordlys", "Scandic (afd.)", "Danhostel (afd.)"], dan=("B1", "B2"), eng=0.8, shift=0.7)
role("sector.retail", "5223", ["butiksassistent", "sales assistant", "ekspedient", "shop assistant", "butiksmedarbejder", "butiksasistent"],
     ["kundebetjening", "kasse", "vareopfyldning"], ["kundebetjening", "kassebetjening", "vareopfyldning", "prismærkning"],
     ["Butiksassistent til supermarked", "Butiksmedhjælper", "Ekspedient til tøjbutik"],
     ["butiksassistent", "kundebetjening", "kassebetjening"], ["vareopfyldning", "vareeksponering"],
     ["Netto (butik)", "Rema 1000 (butik)", "Føtex (butik)", "Lidl (butik)", "Kvickly (butik)", "Bazar Vest Købmand", "Matas (butik)"], dan=("A2", "B1"), shift=0.4)
role("sector.retail", "9334", ["varepåfylder", "shelf stacker", "opfylder"],
     ["vareopfyldning", "datokontrol"], ["vareopfyldning", "datokontrol", "palleløfter"],
     ["Varepåfylder til supermarked", "Opfylder, morgenhold"], ["varepåfylder", "vareopfyldning"], ["palleløfter"],
     ["Netto (butik)", "Rema 1000 (butik)", "Lidl (butik)", "Coop 365 (butik)"], demands=("heavy-lifting", "standing"), dan=(None, "A1"), shift=0.6)
role("sector.retail", "5230", ["kassemedarbejder", "cashier", "kasseassistent"],
     ["kassebetjening", "kundeservice"], ["kassebetjening", "kundebetjening"],
     ["Kassemedarbejder", "Kasseassistent til weekend"], ["kassemedarbejder", "kassebetjening"], ["alderskontrol ved salg"],
     ["Føtex (butik)", "Bilka (butik)", "Kvickly (butik)"], dan=("A2", "B1"), shift=0.5)
role("sector.retail", "5221", ["købmand", "shop owner", "selvstændig", "grønthandler"],
     ["drev egen butik", "indkøb og salg"], ["kundebetjening", "kassebetjening", "varekendskab"],
     ["Medhjælper til grønthandel", "Kioskmedarbejder"], ["kioskmedarbejder", "torvehandler", "kundebetjening"], ["kassebetjening"],
     ["Grønttorvet Nørrebro", "Kiosk 7-Eleven (franchise)", "Bazar Vest Købmand"], dan=(None, "A1"), shift=0.5)
role("sector.warehouse", "4321", ["lagermedarbejder", "warehouse worker", "lagerarbejder", "lagerist", "lager medarbejder", "lagermedarbjder"],
     ["plukning af ordrer", "varemodtagelse", "truck", "lastning og losning"],
     ["ordreplukning", "håndscanner", "varemodtagelse", "truckkørsel", "palleløfter", "lageroptælling"],
     ["Lagermedarbejder til centrallager", "Lagermedarbejder med truckcertifikat", "Lagerarbejder til e-handel", "Lagermedarbejder til plukning"],
     ["lagermedarbejder", "ordreplukning", "truckkørsel", "palleløfter"], ["lagerstyringssystem", "varemodtagelse", "lageroptælling"],
     ["PostNord Logistics (afd.)", "DSV Solutions (afd.)", "Nordic Lager A/S", "Salling Group Centrallager", "Dagrofa Lager", "Logistikcentret Syd ApS", "E-handel Pakkecentret"],
     lic=("forklift",), demands=("heavy-lifting", "standing"), lreq=((), ("forklift",)), dan=(None, "A1", "A2"), shift=0.5)
role("sector.warehouse", "9321", ["pakkemedarbejder", "packer", "pakker", "picker", "plukker"],
     ["pakning af varer", "etikettering", "plukning"], ["pakning af varer", "etikettering", "ordreplukning"],
     ["Pakkemedarbejder til e-handel", "Plukker til webshop-lager"], ["pakkemedarbejder", "pakning af varer"], ["etikettering", "ordreplukning"],
     ["E-handel Pakkecentret", "Boozt Fulfilment (afd.)", "Pakkeriet ApS"], demands=("standing",), dan=(None,), shift=0.4)
role("sector.warehouse", "8344", ["truckfører", "forklift driver", "truckchauffør", "reach truck driver"],
     ["truckkørsel", "lastning og losning", "godssikring"], ["truckkørsel", "reachtruck", "lastning og losning"],
     ["Truckfører til lager", "Truckfører, aftenhold"], ["truckfører", "truckkørsel"], ["godssikring", "lastning og losning"],
     ["DSV Solutions (afd.)", "Nordic Lager A/S", "Havneterminalen ApS"], lic=("forklift",), lreq=(("forklift",),), dan=(None, "A2"), shift=0.6)
role("sector.warehouse", "4412", ["postbud", "avisbud", "omdeler", "mail sorter", "postsorterer"],
     ["omdeling af aviser", "sortering af pakker"], ["sortering af pakker", "levering til kunder"],
     ["Pakkesorterer til terminal", "Omdeler af aviser og reklamer"], ["postsorterer", "sortering af pakker"], ["postbud"],
     ["PostNord Terminal (afd.)", "Forbrugerkontakt (omdeling)", "GLS Pakketerminal"], demands=("outdoor", "night-work"), dan=(None,), shift=0.8)
role("sector.transport", "8332", ["lastbilchauffør", "truck driver", "chauffør", "lastbil chauffør", "lorry driver"],
     ["langturskørsel", "distributionskørsel", "godssikring"], ["køre- og hviletidsregler", "godssikring", "ruteplanlægning"],
     ["Lastbilchauffør til distribution", "Chauffør til kranbil", "Lastbilchauffør CE"], ["lastbilchauffør", "godssikring"], ["køre- og hviletidsregler", "ruteplanlægning"],
     ["Vognmand Jensen & Søn", "Fragtmanden (afd.)", "DFDS Logistics (afd.)", "Vognmandsforretningen Holm"], lic=("B", "C", "CE", "CPC", "tachograph"),
     demands=("driving",), lreq=(("C", "CPC"), ("CE", "CPC"), ("C",)), dan=(None, "A2"))
role("sector.transport", "8322", ["taxichauffør", "taxi driver", "varebilschauffør", "delivery driver", "budchauffør", "chauffør varebil"],
     ["levering til kunder", "ruteplanlægning", "kørsel i bil"], ["levering til kunder", "ruteplanlægning", "lokalkendskab"],
     ["Varebilschauffør til pakkelevering", "Budchauffør", "Chauffør til flextrafik"], ["varebilschauffør", "levering til kunder"], ["lokalkendskab", "ruteplanlægning"],
     ["Budfirmaet City ApS", "GLS Pakketerminal", "Dantaxi (vognmand)", "Flextrafik Sjælland (vognmand)"], lic=("B",), demands=("driving",), lreq=(("B",),), dan=(None, "A2"), shift=0.4)
role("sector.transport", "8331", ["buschauffør", "bus driver"], ["bybuskørsel", "passagerservice"], ["passagerservice", "defensiv kørsel"],
     ["Buschauffør til bybus", "Buschauffør til skolekørsel"], ["buschauffør", "passagerservice"], ["defensiv kørsel"],
     ["Arriva (afd.)", "Keolis (afd.)", "Movia-entreprenør Busselskabet"], lic=("B", "D", "CPC"), demands=("driving",), lreq=(("D", "CPC"),), dan=("A2", "B1"), shift=0.7)
role("sector.transport", "9331", ["cykelbud", "food delivery rider", "wolt bud", "madbud"],
     ["levering af mad på cykel"], ["levering til kunder", "lokalkendskab"],
     ["Cykelbud til madlevering"], ["cykelbud", "levering til kunder"], ["lokalkendskab"],
     ["Budfirmaet City ApS", "Cykelbudene ApS"], demands=("outdoor",), dan=(None,), eng=0.7, shift=0.7)
role("sector.construction", "9313", ["bygningsarbejder", "construction worker", "arbejdsmand", "håndlanger", "labourer", "byggearbejder"],
     ["nedrivning", "betonstøbning", "oprydning på byggeplads"], ["nedrivning", "betonstøbning", "elværktøj", "sikkerhed på byggepladsen"],
     ["Bygningsarbejder til byggeplads", "Arbejdsmand til nedrivning", "Jord- og betonarbejder"], ["bygningsarbejder", "nedrivning", "elværktøj"], ["sikkerhed på byggepladsen", "betonstøbning"],
     ["MT Højgaard (byggeplads)", "Byg & Montage ApS", "Nedrivningsfirmaet Holm", "Jord & Beton ApS", "Entreprenørfirmaet Bonde"], demands=("heavy-lifting", "outdoor", "heights"), dan=(None, "A1", "A2"))
role("sector.construction", "7115", ["tømrer", "carpenter", "tomrer", "snedker", "joiner", "gipsvægge"],
     ["opsætning af gips", "montering af døre og vinduer", "tagarbejde"], ["gipsarbejde", "elværktøj", "tegningslæsning"],
     ["Tømrer til renovering", "Tømrermedhjælper", "Snedker til møbelværksted"], ["tømrer", "gipsarbejde og træarbejde"], ["tegningslæsning", "elværktøj"],
     ["Tømrerfirmaet Hansen ApS", "Byg & Montage ApS", "Snedkeriet Egetræ"], demands=("heights", "heavy-lifting"), dan=(None, "A2"))
role("sector.construction", "7112", ["murer", "bricklayer", "flisemurer", "tiler", "mason"],
     ["murerarbejde", "flisearbejde", "pudsning"], ["betonstøbning", "spartling", "flisearbejde"],
     ["Murer til renovering", "Flisemurer til badeværelser", "Murerarbejdsmand"], ["murer", "flisemurer"], ["betonstøbning"],
     ["Murerfirmaet Sten & Fuge", "Byg & Montage ApS", "Badeværelsesfirmaet ApS"], demands=("heavy-lifting", "outdoor"), dan=(None, "A2"))
role("sector.construction", "7131", ["maler", "painter", "malerhjælper", "house painter"],
     ["spartling", "vægmaling", "tapetsering"], ["spartling og maling", "vægmaling"],
     ["Maler til boligrenovering", "Malermedhjælper"], ["maler", "spartling og maling"], ["sikkerhed på byggepladsen"],
     ["Malerfirmaet Farveladen", "Maler Nielsen & Co."], demands=("heights", "chemicals"), dan=(None, "A2"))
role("sector.construction", "7411", ["elektriker", "electrician", "el-montør", "vvs", "plumber", "vvs-montør"],
     ["el-installation", "trække kabler", "vvs-arbejde"], ["el-installation", "tegningslæsning"],
     ["Elektrikerlærling / medhjælper", "VVS-montør", "El-montør til nybyggeri"], ["elektriker", "vvs-montør", "el-installation"], ["tegningslæsning"],
     ["Elfirmaet Strøm ApS", "VVS Jensen", "Installationsgruppen A/S"], lreq=((),), dan=("A2", "B1"))
role("sector.manufacturing", "9329", ["produktionsmedarbejder", "factory worker", "fabriksarbejder", "production worker", "produktions medarbejder"],
     ["maskinbetjening", "kvalitetskontrol", "linjearbejde"], ["maskinbetjening", "kvalitetskontrol", "linjearbejde", "lean"],
     ["Produktionsmedarbejder", "Produktionsmedarbejder til skiftehold", "Maskinoperatør"], ["produktionsmedarbejder", "maskinbetjening"], ["kvalitetskontrol", "lean og 5s"],
     ["Danfoss (fabrik)", "Grundfos (fabrik)", "Plastfabrikken Jylland A/S", "Metalvarefabrikken ApS", "LEGO (produktion)", "Vestas (fabrik)"], demands=("standing", "night-work"), dan=(None, "A1", "A2"), shift=0.7)
role("sector.manufacturing", "7212", ["svejser", "welder", "smed", "tig welder", "svejsr", "metalworker"],
     ["mig/mag-svejsning", "tig-svejsning", "slibning"], ["svejsning", "slibning", "skydelære"],
     ["Svejser til stålkonstruktioner", "Smed til produktion"], ["svejser", "svejsning"], ["slibning og boring", "måleværktøjer"],
     ["Smedeværkstedet Stål ApS", "Vestas (fabrik)", "Metalvarefabrikken ApS"], lic=("welding",), lreq=((), ("welding",)), demands=("standing",), dan=(None, "A2"))
role("sector.manufacturing", "8219", ["montør", "assembler", "elektronikmontør", "montage"],
     ["montage", "lodning", "kvalitetskontrol"], ["lodning", "kvalitetskontrol", "linjearbejde"],
     ["Montør til samlebånd", "Elektronikmontør"], ["montør", "lodning"], ["kvalitetskontrol"],
     ["Danfoss (fabrik)", "Elektronikfabrikken Print ApS", "Grundfos (fabrik)"], demands=("standing",), dan=(None, "A2"), shift=0.5)
role("sector.food-production", "7512", ["bager", "baker", "bagermedhjælper", "konditor", "bagerimedhjælper"],
     ["brødbagning", "dejfremstilling", "kager"], ["bagning", "æltning", "baklava", "ovnbetjening"],
     ["Bagermedhjælper", "Bager til industribageri", "Bagerimedarbejder, nathold"], ["bager", "bagerimedhjælper", "dejfremstilling og bagning"], ["ovnbetjening", "kagepynt"],
     ["Bageriet Kornet", "Lagkagehuset (afd.)", "Kohberg Brød (fabrik)", "Bageriet Aleppo"], lic=("hygiene",), lreq=((), ("hygiene",)), demands=("standing", "night-work"), dan=(None, "A1"), shift=0.6)
role("sector.food-production", "7511", ["slagter", "butcher", "slagteriarbejder", "udbener", "fiskeindustriarbejder", "halal slagter"],
     ["udbening", "opskæring", "pakning af kød"], ["udskæring", "udbening", "kølekæde"],
     ["Slagteriarbejder", "Udbener", "Medarbejder til fiskefabrik"], ["slagteriarbejder", "udskæring af kød og fisk"], ["kølekæde", "halal"],
     ["Danish Crown (slagteri)", "Fiskefabrikken Vestkysten", "Tican (slagteri)", "Halal Kød ApS"], demands=("standing", "heavy-lifting"), dan=(None,), shift=0.5)
role("sector.food-production", "8160", ["fødevareoperatør", "food production operator", "fødevaremedarbejder", "mejeriarbejder", "bryggeriarbejder"],
     ["maskinbetjening", "hygiejnisk håndtering", "portionering"], ["hygiejnisk håndtering af fødevarer", "portionering", "egenkontrol"],
     ["Fødevaremedarbejder til produktion", "Operatør til mejeri", "Produktionsmedarbejder til fødevarefabrik"], ["fødevaremedarbejder", "fødevareoperatør", "hygiejnisk fødevarehåndtering"], ["haccp", "sporbarhed"],
     ["Arla (mejeri)", "Carlsberg (bryggeri)", "Færdigretter Danmark ApS", "Salatfabrikken ApS"], demands=("standing",), dan=(None, "A2"), shift=0.7)
role("sector.agriculture", "9212", ["landbrugsmedhjælper", "farm worker", "svinepasser", "fodermester", "shepherd", "hyrde", "malker"],
     ["fodring af dyr", "malkning", "udmugning"], ["dyrepasning", "malkning", "traktorkørsel"],
     ["Landbrugsmedhjælper til svinebrug", "Malkemedarbejder til kvægbrug"], ["landbrugsmedhjælper", "dyrepasning"], ["malkning", "traktorfører"],
     ["Gården Højmark I/S", "Svinebruget Nørremark", "Kvægbruget Engly"], lic=("B",), demands=("outdoor", "heavy-lifting"), dan=(None,), shift=0.4)
role("sector.agriculture", "9214", ["gartnerimedhjælper", "greenhouse worker", "gartner", "gardener", "havemand", "gartnermedhjælper"],
     ["potning", "udplantning", "hækklipning", "græsslåning"], ["potning", "udplantning", "hækklipning", "plantekendskab"],
     ["Gartnerimedhjælper til væksthus", "Anlægsgartner-medhjælper", "Medhjælper til parkafdelingen"], ["gartnerimedhjælper", "gartner", "udplantning og potning"], ["plantekendskab", "pleje af grønne områder"],
     ["Gartneriet Rosenhøj", "Planteskolen Løvspring", "Kommunens Park og Vej", "Anlægsgartner Grøn ApS"], demands=("outdoor", "heavy-lifting"), dan=(None, "A1"))
role("sector.agriculture", "9211", ["markarbejder", "crop labourer", "frugtplukker", "seasonal farm worker", "landmand", "farmer"],
     ["høst", "plukning af frugt", "vanding"], ["høst", "vanding", "traktorkørsel"],
     ["Markarbejder til høst", "Frugtplukker til plantage"], ["markarbejder", "høst"], ["vanding", "traktorfører"],
     ["Frugtplantagen Æblehaven", "Jordbærgården Sol", "Grøntsagsgården Lund"], demands=("outdoor", "heavy-lifting"), dan=(None,))
role("sector.childcare", "5311", ["pædagogmedhjælper", "childcare assistant", "dagplejer", "nanny", "barnepige", "kindergarten assistant", "pædagog medhjælper"],
     ["leg med børn", "bleskift", "madordning"], ["leg med børn", "bleskift", "forældresamarbejde", "sprogstimulering"],
     ["Pædagogmedhjælper til børnehave", "Pædagogmedhjælper til vuggestue", "Medhjælper i dagtilbud"], ["pædagogmedhjælper", "leg og aktiviteter med børn"], ["forældresamarbejde", "børns udvikling", "pusleopgaver"],
     ["Børnehuset Regnbuen", "Vuggestuen Myretuen", "Børnehaven Solsikken", "Integreret Institution Troldehøj"], dan=("A2", "B1", "B1"))
role("sector.childcare", "5312", ["lærerassistent", "teaching assistant", "sfo-medhjælper", "ungdomsmedarbejder", "youth worker"],
     ["lektiehjælp", "tosproget støtte"], ["lektiehjælp", "tosproget støtte til børn"],
     ["SFO-medhjælper", "Undervisningsassistent", "Ungdomsmedarbejder til klub"], ["sfo-medhjælper", "undervisningsassistent", "lektiehjælp"], ["tosproget støtte til børn"],
     ["Skolen ved Parken (SFO)", "Ungdomsklubben Kraften", "Folkeskolen Nord"], dan=("B1",))
role("sector.textile", "7533", ["syerske", "seamstress", "skrædder", "tailor", "syer", "sewing machinist", "syrske"],
     ["syning på industrisymaskine", "ændring af tøj", "tilskæring"], ["industrisymaskine", "overlock", "tilskæring", "håndsyning"],
     ["Syerske til systue", "Skrædder til ændringsværksted", "Syerske til produktion af arbejdstøj"], ["syerske", "skrædder", "industrisymaskine"], ["tilskæring", "stofkendskab"],
     ["Systuen Nålen ApS", "Ændringsskrædderen", "Arbejdstøj Danmark A/S", "Møbelpolstreriet"], dan=(None,), shift=0.0)
role("sector.textile", "8157", ["renserimedarbejder", "dry cleaner", "presser", "skomager", "tæppeknytter", "weaver"],
     ["rens", "presning af tøj", "tæppeknytning"], ["dampstrygning", "tæppeknytning", "vaskeanvisninger"],
     ["Renserimedarbejder", "Tæppereparation"], ["renserimedarbejder", "presser", "tæppeknytning"], ["vaskeanvisninger"],
     ["Renseriet Hvidt", "Tæppehuset Orient"], demands=("chemicals", "standing"), dan=(None,))
role("sector.beauty", "5141", ["frisør", "hairdresser", "barber", "frisor", "herrefrisør", "hair stylist"],
     ["klipning", "farvning", "skægtrimning"], ["klipning", "hårfarvning", "fade", "skægtrimning"],
     ["Frisør til salon", "Barber", "Frisørassistent"], ["frisør", "barber", "klipning"], ["hårfarvning", "skægtrimning og barbering"],
     ["Salon Saxe", "Barber Bros", "Frisør Elegance", "Hair by Layla"], demands=("standing", "chemicals"), dan=(None, "A1"))
role("sector.beauty", "5142", ["kosmetolog", "beautician", "negletekniker", "nail technician", "makeup artist", "massør"],
     ["trådning", "makeup", "manicure"], ["trådning og voksning", "makeup", "manicure", "massage"],
     ["Negletekniker til neglesalon", "Kosmetolog", "Massør til wellness"], ["kosmetolog", "negletekniker", "massør"], ["trådning og voksning", "henna"],
     ["Beauty Lounge", "Neglebaren", "Spa & Wellness Strand"], demands=("chemicals",), dan=(None, "A1"))
role("sector.automotive", "7231", ["automekaniker", "car mechanic", "mekaniker", "bilmekaniker", "mechanic", "mekanikr"],
     ["motorreparation", "bremser", "fejlfinding", "olieskift"], ["motorreparation", "bremser", "fejlfinding", "olieskift"],
     ["Automekaniker", "Værkstedsmedhjælper", "Mekaniker til lastvogne"], ["automekaniker", "bilservice og olieskift"], ["fejlfinding på biler", "bremser og undervogn"],
     ["Autoværkstedet Nord", "Bilhuset Syd A/S", "Lastvognsværkstedet ApS", "Quickfix Auto"], lic=("B",), lreq=((), ("B",)), dan=(None, "A2"))
role("sector.automotive", "7231", ["dækmontør", "tyre fitter", "bilpleje", "car valeter", "autolakerer", "car painter"],
     ["dækskift", "polering af biler"], ["dækskift", "bilpleje", "afbalancering"],
     ["Dækmontør", "Medarbejder til bilpleje", "Autolakerer"], ["dækmontør", "dækskift", "bilpleje"], ["afbalancering"],
     ["Dækcentret", "Bilpleje Glans", "Lakeringscentret ApS"], demands=("heavy-lifting", "chemicals"), dan=(None,))
role("sector.it", "2512", ["software developer", "programmør", "web developer", "softwareudvikler", "frontend developer", "programmer"],
     ["python", "javascript", "sql", "git"], ["python", "javascript", "sql", "react", "git", "scrum"],
     ["Softwareudvikler", "Webudvikler (React)", "Junior udvikler"], ["softwareudvikler", "webudvikler", "programmering"], ["databaser", "agil udvikling og git", "webteknologi"],
     ["Netcompany (afd.)", "Systematic (afd.)", "Codehouse ApS", "Trifork (afd.)", "Webbureauet Pixel"], dan=(None, "B1"), edu=("computer science", "datalogi", "software engineering", "informatik"), eng=0.8)
role("sector.it", "3512", ["it-supporter", "IT support", "helpdesk", "network technician", "mobilreparatør", "it supporter"],
     ["helpdesk", "opsætning af computere", "netværk"], ["windows", "office 365", "netværk", "opsætning af computere"],
     ["IT-supporter", "PC- og mobilreparatør", "Netværkstekniker"], ["it-supporter", "opsætning af hardware"], ["netværk og servere", "windows og office 365"],
     ["IT-Hjælpen ApS", "Mobilklinikken", "Kommunens IT-afdeling"], dan=("A2", "B1"), edu=("elektronik", "it-teknik", "network engineering"), eng=0.6)
role("sector.health", "2221", ["sygeplejerske", "nurse", "læge", "doctor", "tandlæge", "jordemoder", "farmaceut", "pharmacist"],
     ["patientpleje", "blodprøvetagning", "medicingivning"], ["klinisk sygepleje", "medicinsk terminologi", "anatomi"],
     ["Sygeplejerske", "Sygehjælper i praktik", "Lægesekretær", "Tandklinikassistent"], ["sygeplejerske", "sygehjælper", "tandklinikassistent", "lægesekretær"], ["medicinsk terminologi", "patientrettigheder og journalføring"],
     ["Regionshospitalet (afd.)", "Tandklinikken Centrum", "Lægehuset ved Torvet", "Apoteket (afd.)"], lreq=((), ("authorisation",)), dan=("B1", "B2"),
     edu=("medicin", "sygepleje", "tandlæge", "farmaci", "jordemoder"), eng=0.1, shift=0.5)
role("sector.teaching", "2643", ["tolk", "interpreter", "translator", "lærer", "teacher", "oversætter", "english teacher"],
     ["tolkning", "undervisning", "oversættelse"], ["konsekutiv tolkning", "tolkeetik", "undervisningsplanlægning"],
     ["Tolk (arabisk/dansk)", "Modersmålslærer", "Brobygger til boligområde", "Lektiecafé-medarbejder"], ["tolk", "sproglærer", "brobygger", "lærer"], ["tolkeetik", "mentorarbejde"],
     ["Tolkecentralen ApS", "Sprogcenter Midt", "Boligsocial Helhedsplan", "Folkeskolen Nord"], dan=("B1", "B2"),
     edu=("engelsk filologi", "arabic literature", "teacher training", "læreruddannelse", "translation studies"), eng=0.3)

# ---------------------------------------------------------------------------------------------
COUNTRIES = [  # (code, weight, native languages, religions, place names)
    ("SY", 30, ["ar"], ["islam", "islam", "christian", None], ["Aleppo", "Damaskus", "Homs", "Idlib", "Deir ez-Zor", "Latakia"]),
    ("ER", 16, ["ti"], ["christian", "islam", None], ["Asmara", "Massawa", "Keren"]),
    ("AF", 14, ["prs", "ps"], ["islam", None], ["Kabul", "Herat", "Mazar-e Sharif", "Kandahar"]),
    ("UA", 14, ["uk"], ["christian", None], ["Kharkiv", "Mariupol", "Kyiv", "Odesa", "Dnipro"]),
    ("SO", 8, ["so"], ["islam"], ["Mogadishu", "Hargeisa", "Kismayo"]),
    ("IR", 7, ["fa"], ["islam", "none", "christian", None], ["Teheran", "Shiraz", "Tabriz"]),
    ("IQ", 6, ["ar", "ku"], ["islam", "yazidi", None], ["Mosul", "Erbil", "Basra"]),
    ("ET", 2, ["am", "om"], ["christian"], ["Addis Ababa"]),
    ("MM", 1, ["my"], ["buddhism"], ["Yangon"]),
]
SECOND = {"SY": [("ku", 0.2), ("tr", 0.15)], "ER": [("am", 0.3), ("ar", 0.2)], "AF": [("fa", 0.5), ("ur", 0.1)], "UA": [("ru", 0.8)],
          "SO": [("sw", 0.2), ("ar", 0.3)], "IR": [("ku", 0.1), ("tr", 0.2)], "IQ": [("tr", 0.2)], "ET": [("ti", 0.2)], "MM": []}
DANISH = ["A1"] * 18 + ["DU1M2", "DU2M1", "DU2M2", "DU3M1"] * 3 + ["A2"] * 14 + ["DU2M3", "DU2M4", "DU3M2", "DU3M3"] * 2 + ["B1"] * 6 + ["DU2M5", "DU3M4"] + ["B2"] * 2 + [None] * 5
ENGLISH = [None] * 10 + ["A1"] * 5 + ["A2"] * 8 + ["B1"] * 7 + ["B2"] * 5 + ["C1"] * 2
CENTRES = ["Center Sandholm", "Center Kongelunden", "Center Avnstrup", "Center Sjælsmark", "Center Tønder", "Center Vipperød",
           "Center Holmegaard", "Center Jelling", "Center Frederikshavn"]
CONSULTANTS = ["MHL", "JP", "LK", "SØ", "AB", "RN", "TK", "HC", "PL", "KV", "NF", "JS", "BM", "ML", "DS", "Anne B.", "Mads K.", "Fatima S.", "Lars H."]
MUNI_PREFIX = {101: "KBH", 147: "FRB", 751: "AAR", 461: "ODE", 851: "AAL", 201: "ALL", 340: "SOR", 630: "VEJ", 561: "ESB", 265: "ROS",
               169: "HTA", 259: "KØG", 730: "RAN", 621: "KOL", 615: "HOR", 657: "HER", 316: "HOL", 370: "NÆS"}
STREETS = ["Hovedgaden", "Industrivej", "Stationsvej", "Nørregade", "Vestergade", "Østergade", "Søndergade", "Skolevej", "Parkvej",
           "Erhvervsvej", "Håndværkervej", "Møllevej", "Kirkevej", "Havnegade", "Fabriksvej", "Lagervej", "Engvej", "Bakkevej"]
SUMMARY_OPEN = ["Motiveret og mødestabil.", "Meget motiveret for praktik.", "Har brug for mentor i starten.", "Vil gerne hurtigt i arbejde.",
                "Very motivated, wants to work.", "Er glad for at arbejde med hænderne.", "Speaks some English.", "Tolk brugt ved samtalen (arabisk).",
                "Mangler papirer på uddannelse.", "Ønsker deltid pga. børn.", "Har kørekort fra hjemlandet (ikke ombyttet).", ""]
SUMMARY_SLIPS = [("arbejde", "arbjede"), ("erfaring", "erfarring"), ("motiveret", "motivert"), ("gerne", "gerene")]

def pick_weighted(items):
    tot = sum(i[1] for i in items)
    x = rnd.uniform(0, tot)
    for it in items:
        x -= it[1]
        if x <= 0:
            return it
    return items[-1]

def cvr7():
    return str(rnd.randint(1000000, 4499999))

def day(y, m, d):
    return f"{y:04d}-{m:02d}-{d:02d}"

def rand_day(start, end):
    """A day between two (y, m) months, inclusive, as YYYY-MM-DD."""
    months = []
    y, m = start
    while (y, m) <= end:
        months.append((y, m)); m += 1
        if m == 13: y, m = y + 1, 1
    y, m = rnd.choice(months)
    return day(y, m, rnd.randint(1, 28))

def jitter(lat, lon, km):
    return round(lat + rnd.uniform(-km, km) / 111.0, 4), round(lon + rnd.uniform(-km, km) / 62.0, 4)

def make_profile(n, pcs, by_muni, munis):
    role_ = rnd.choice(R)
    country, _, natives, religions, places = pick_weighted(COUNTRIES)
    muni = rnd.choice(munis)
    pc = rnd.choice(by_muni[muni])
    name, mun, lat, lon = pcs[pc]
    prefix = MUNI_PREFIX.get(muni, "DK")
    pid = f"{prefix}-2026-{n:04d}"
    incomplete = rnd.random() < 0.15
    langs = [{"language": rnd.choice(natives), "level": "native"}]
    for code, p in SECOND[country]:
        if rnd.random() < p:
            langs.append({"language": code, "level": rnd.choice(["B1", "B2", "C1"])})
    da = rnd.choice(DANISH)
    if da: langs.append({"language": "da", "level": da})
    en = "B2" if role_["sector"] == "sector.it" and rnd.random() < 0.8 else rnd.choice(ENGLISH)
    if en: langs.append({"language": "en", "level": en})
    years = rnd.choice([0.5, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15])
    title = rnd.choice(role_["p_titles"])
    exp = {"title": title, "years": years, "country": country}
    if rnd.random() < 0.45: exp["occupationCode"] = role_["code"]
    if not incomplete and rnd.random() < 0.7: exp["tasks"] = ", ".join(rnd.sample(role_["tasks"], min(len(role_["tasks"]), rnd.randint(1, 3))))
    experience = [exp]
    if rnd.random() < 0.3:  # a second, often unrelated job
        other = rnd.choice(R)
        experience.append({"title": rnd.choice(other["p_titles"]), "years": rnd.choice([0.5, 1, 2, 3]), "country": rnd.choice([country, "TR", "LB", "DK", "SD"])})
    education = []
    if not incomplete:
        if role_["edu"] and rnd.random() < 0.7:
            education.append({"isced": rnd.choice([4, 5, 6, 6, 7]), "field": rnd.choice(role_["edu"]), "country": country,
                              "years": rnd.choice([2, 3, 4, 5]), "completed": rnd.random() < 0.8, "recognisedInDenmark": rnd.random() < 0.2})
        elif rnd.random() < 0.6:
            education.append({"isced": rnd.choice([1, 2, 2, 3]), "field": rnd.choice(["grundskole", "primary school", "gymnasium", "secondary school"]),
                              "country": country, "years": rnd.choice([6, 9, 12]), "completed": rnd.random() < 0.7, "recognisedInDenmark": False})
    skills = [] if incomplete else rnd.sample(role_["skills"], min(len(role_["skills"]), rnd.randint(1, 3)))
    licences = [l for l in role_["lic"] if rnd.random() < 0.5]
    if "B" not in licences and rnd.random() < 0.15: licences.append("B")
    sectors = [] if rnd.random() < 0.25 else [role_["sector"]] + ([rnd.choice(R)["sector"]] if rnd.random() < 0.3 else [])
    wishes = {"sectors": sorted(set(sectors)), "jobs": [] if incomplete else [title], "hours": rnd.choice(["full-time", "full-time", "part-time", "any"]),
              "acceptsShiftWork": rnd.random() < 0.65, "maxTravelKm": rnd.choice([10, 15, 15, 20, 25, 25, 30, 40])}
    limitations = []
    for d, p in (("heavy-lifting", 0.1), ("night-work", 0.12), ("standing", 0.05), ("chemicals", 0.04), ("outdoor", 0.04), ("heights", 0.04), ("driving", 0.03)):
        if rnd.random() < p: limitations.append(d)
    home = {"postcode": pc}
    if not incomplete and rnd.random() < 0.7:
        home["coordinates"] = dict(zip(("lat", "lon"), jitter(lat, lon, 2.5)))
    intake = rand_day((2025, 8), (2026, 3))
    avail = rand_day((2025, 11), (2026, 7))
    if avail < intake: avail = intake
    place = rnd.choice(places)
    if incomplete:
        summary = rnd.choice(["Kort samtale, følges op.", "Tolk mangler, ny samtale aftales.", f"{title} i {place}.", None])
    else:
        s = f"Har arbejdet som {title} i {place} i {years:g} år. " + rnd.choice(SUMMARY_OPEN)
        if rnd.random() < 0.25:
            a, b = rnd.choice(SUMMARY_SLIPS); s = s.replace(a, b, 1)
        summary = s.strip()
    p = {"id": pid, "intakeDate": intake, "asylumCentre": rnd.choice(CENTRES), "consultant": rnd.choice(CONSULTANTS), "municipality": mun,
         "home": home, "education": education, "experience": experience, "skills": skills, "languages": langs, "licences": licences,
         "wishes": wishes, "limitations": limitations, "availableFrom": avail}
    if summary: p["summary"] = summary
    p["personal"] = {"gender": rnd.choice(["female", "male"]), "nationality": country, "birthYear": rnd.randint(1966, 2005)}
    rel = rnd.choice(religions)
    if rel: p["personal"]["religion"] = rel
    if incomplete:
        for k in ("asylumCentre", "availableFrom") if rnd.random() < 0.5 else ():
            p.pop(k, None)
    return p

KIND_WEIGHTS = [("internship", 40), ("wage-subsidy", 20), ("igu", 15), ("job", 25)]
DESCR = {
    "internship": "Virksomhedspraktik i {weeks} uger med mulighed for løntilskud bagefter. ",
    "wage-subsidy": "Stilling med løntilskud. ",
    "igu": "IGU-forløb (integrationsgrunduddannelse) med skoleperioder. ",
    "job": "Ordinær ansættelse. ",
}

def make_offer(n, pcs, all_pcs, employers):
    role_ = rnd.choice(R)
    kind = pick_weighted(KIND_WEIGHTS)[0]
    pc = rnd.choice(all_pcs)
    name, mun, lat, lon = pcs[pc]
    emp = rnd.choice(role_["emp"])
    ename = f"{emp} {name}" if "(" in emp or rnd.random() < 0.3 else emp
    if ename not in employers:
        employers[ename] = gold_data.cvr(cvr7())
    title = rnd.choice(role_["o_titles"])
    k = rnd.randint(1, 3)
    must = rnd.sample(role_["must"], min(k, len(role_["must"])))
    nice = rnd.sample(role_["nice"], min(rnd.randint(0, 2), len(role_["nice"])))
    weeks = {"internship": rnd.choice([4, 8, 13]), "wage-subsidy": rnd.choice([13, 26, 52]), "igu": 104, "job": None}[kind]
    desc = f"Vi søger en {title.lower()}. " + DESCR[kind].format(weeks=weeks or "") + \
        (f"Du skal kunne: {', '.join(must)}. " if must else "") + (f"Det er en fordel med {', '.join(nice)}. " if nice else "") + \
        rnd.choice(["Du får en fast kontaktperson.", "Vi har en mentor på arbejdspladsen.", "Vi har gode erfaringer med nyankomne.", "Mød op til en uforpligtende samtale.", ""])
    o = {"id": f"O-{n:04d}", "employer": {"name": ename, "cvr": employers[ename]}, "employerReference": f"{emp[:3].upper()}-{rnd.randint(100, 999)}-{n}",
         "kind": kind, "title": title, "description": desc.strip(), "mustHave": must, "niceToHave": nice}
    dan = rnd.choice(role_["dan"])
    if dan: o["minimumDanish"] = dan
    o["englishWorkplace"] = rnd.random() < role_["eng"]
    o["licencesRequired"] = list(rnd.choice(role_["lreq"]))
    o["demands"] = sorted(d for d in role_["demands"] if rnd.random() < 0.4)
    o["hoursPerWeek"] = rnd.choice([15, 20, 25, 30, 37, 37, 37])
    o["shiftWork"] = rnd.random() < role_["shift"]
    o["startDate"] = rand_day((2026, 1), (2026, 9))
    if weeks: o["durationWeeks"] = weeks
    o["places"] = rnd.choice([1, 1, 1, 2, 2, 3, 4, 5])
    o["placesFilled"] = o["places"] if rnd.random() < 0.1 else rnd.randint(0, o["places"] - 1)
    o["mentor"] = rnd.random() < 0.6
    wp = {"address": f"{rnd.choice(STREETS)} {rnd.randint(1, 120)}", "postcode": pc, "municipality": mun}
    if rnd.random() < 0.8:
        wp["coordinates"] = dict(zip(("lat", "lon"), jitter(lat, lon, 2.0)))
    o["workplace"] = wp
    if rnd.random() < 0.92: o["sector"] = role_["sector"]
    return o

def protect_gold(concepts, pcs, gold_profiles, gold_offers, offers, all_pcs):
    """Moves generated offers that would crowd a gold case (score within 12 of its best, a margin for matchers that differ from score.py) elsewhere."""
    sc = score.Scorer(concepts, pcs)
    gold_best = {g["profile"]: g["best"] for g in gold_data.GOLD + gold_data.AD_GOLD}
    gold_by_id = {o["id"]: o for o in gold_offers}
    moved = 0
    for p in gold_profiles:
        pc_ = score.profile_concepts(sc.m, p)
        floor = min(sc.score(p, pc_, gold_by_id[b])[0] for b in gold_best[p["id"]]) - 12
        for o in offers:
            tries = 0
            while True:
                s, _ = sc.score(p, pc_, o)
                if s is None or s < floor or tries > 20: break
                pc = rnd.choice(all_pcs)
                name, mun, lat, lon = pcs[pc]
                o["workplace"] = {"address": o["workplace"]["address"], "postcode": pc, "municipality": mun,
                                  "coordinates": dict(zip(("lat", "lon"), jitter(lat, lon, 2.0)))}
                tries += 1; moved += 1
    return moved

def main():
    concepts = check_corpus.load_taxonomy()
    pcs = check_corpus.load_postcodes()
    by_muni = {}
    for pc, (_, mun, _, _) in pcs.items():
        by_muni.setdefault(mun, []).append(pc)
    # Most refugees in the sample live in the municipalities the team works with.
    munis = [101] * 6 + [147, 201, 340, 751, 751, 461, 851, 630, 561, 265, 169, 259, 730, 621, 615, 657, 316, 370] + sorted(by_muni)
    profiles = list(gold_data.PROFILES) + list(gold_data.AD_PROFILES)
    n = 100
    while len(profiles) < 170 + len(gold_data.AD_PROFILES):
        n += 1
        profiles.append(make_profile(n, pcs, by_muni, munis))
    employers = {}
    offers = []
    all_pcs = sorted(pcs)
    weighted_pcs = all_pcs + [p for p in all_pcs if pcs[p][1] in (101, 147, 751, 461, 851)] * 2
    for i in range(len(gold_data.OFFERS) + 1, len(gold_data.OFFERS) + 1 + 300):
        offers.append(make_offer(i, pcs, weighted_pcs, employers))
    moved = protect_gold(concepts, pcs, gold_data.PROFILES + gold_data.AD_PROFILES, gold_data.OFFERS + gold_data.AD_OFFERS, offers, all_pcs)
    offers = list(gold_data.OFFERS) + list(gold_data.AD_OFFERS) + offers
    with open(os.path.join(ROOT, "profiles.json"), "w", encoding="utf-8") as f:
        json.dump(profiles, f, ensure_ascii=False, indent=1); f.write("\n")
    with open(os.path.join(ROOT, "offers.json"), "w", encoding="utf-8") as f:
        json.dump(offers, f, ensure_ascii=False, indent=1); f.write("\n")
    with open(os.path.join(ROOT, "gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold_data.GOLD + gold_data.AD_GOLD, f, ensure_ascii=False, indent=1); f.write("\n")
    print(f"profiles {len(profiles)}, offers {len(offers)}, gold {len(gold_data.GOLD) + len(gold_data.AD_GOLD)}; moved {moved} generated offers away from gold cases")

if __name__ == "__main__":
    main()
