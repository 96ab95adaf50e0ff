"""The planning glossary's first published entries, written by the portal from checked facts
(December 2026). Facts no source was found for are left out. ``None`` as a term means that the
language has no exact equivalent."""

from django.db import migrations

FR, SE, BOTH = "FR", "SE", "both"


def entry(slug, system, terms, definition, differences, sources):
    fr, sv, en = terms
    return {
        "slug": slug,
        "system": system,
        "term_fr": fr or "",
        "term_sv": sv or "",
        "term_en": en or "",
        "no_equivalent_fr": fr is None,
        "no_equivalent_sv": sv is None,
        "no_equivalent_en": en is None,
        "definition_fr": definition[0],
        "definition_sv": definition[1],
        "definition_en": definition[2],
        "differences_fr": differences[0],
        "differences_sv": differences[1],
        "differences_en": differences[2],
        "sources": [{"title": title, "url": url} for title, url in sources],
    }


VIE_PUBLIQUE_SRU = (
    "Vie publique — La loi SRU en 6 questions",
    "https://vie-publique.fr/questions-reponses/294111-loi-sru-solidarite-et-renouvellement-urbain-en-6-questions",
)
RIVIERE_SRADDET = ("Rivière Avocats — SRADDET et PLUi", "https://riviereavocats.com/?p=1084")
CAUE14_ZAC = (
    "CAUE du Calvados — Mémento : la ZAC",
    "https://caue14.com/le-conseil-aux-collectivites/memento/zac/",
)
CNDP_FAQ = (
    "Commission nationale du débat public — Foire aux questions",
    "https://debatpublic.fr/foire-aux-questions-168",
)
SENAT_EPCI = (
    "Sénat — Rapport d'information n° 110 (2018-2019)",
    "https://senat.fr/rap/r18-110/r18-11026.html",
)
SENAT_SRU = (
    "Sénat — Rapport d'information n° 614 (2020-2021) sur la loi SRU",
    "https://senat.fr/rap/r20-614/r20-6142.html",
)
ANRU_NPNRU = (
    "ANRU — Le nouveau programme national de renouvellement urbain",
    "https://anru.fr/fre/Programmes/Nouveau-Programme-National-de-Renouvellement-Urbain",
)
PROP_2009_10_170 = (
    "Rättsdatabaser — Prop. 2009/10:170 En enklare plan- och bygglag",
    "https://rkrattsbaser.gov.se/",
)
BOVERKET_DP = (
    "Boverket, PBL kunskapsbanken — Detaljplaneprocessen i korthet",
    "https://boverket.se/sv/PBL-kunskapsbanken/planering/detaljplan/detaljplaneprocessen/standardforfarande/processen-i-korthet/",
)
BOVERKET_REGIONPLAN = (
    "Boverket, PBL kunskapsbanken — Om regionplanering",
    "https://boverket.se/sv/PBL-kunskapsbanken/planering/regionplan/om-regionplanering/",
)
VANERSBORG = ("Vänersborgs kommun — Planprocessen", "https://vanersborg.se/")
DANDERYD = ("Danderyds kommun — Planprocessen och utökat förfarande", "https://danderyd.se/")
SKR = ("Sveriges Kommuner och Regioner (SKR)", "https://skr.se/")
LAGEN_2006_985 = ("Lag (2006:985) om energideklaration för byggnader", "https://lagen.nu/2006:985")
KLIMATKONTRAKT = ("Energimyndigheten — Klimatkontrakt 2030", "https://energimyndigheten.se/")
VINNOVA_2020 = (
    "Vinnova — Kontrakt för städers klimatomställning (december 2020)",
    "https://vinnova.se/nyheter/2020/12/kontrakt-for-staders-klimatomstallning/",
)

ENTRIES = [
    # --- French system --------------------------------------------------------------------
    entry(
        "plu",
        FR,
        ("plan local d'urbanisme (PLU)", None, "local land-use plan (PLU)"),
        (
            "Document d'urbanisme adopté par la commune ou l'intercommunalité, qui fixe les règles d'usage et d'occupation des sols sur son territoire. Il a remplacé le plan d'occupation des sols (POS) avec la loi SRU du 13 décembre 2000.",
            "Fransk plan som kommunen eller det interkommunala samarbetsorganet antar och som reglerar markanvändning och bebyggelse inom hela området. Den ersatte plan d'occupation des sols (POS) genom SRU-lagen den 13 december 2000.",
            "Planning document adopted by a French commune or inter-municipal body that sets the rules for land use and building across its area. It replaced the plan d'occupation des sols (POS) under the SRU Act of 13 December 2000.",
        ),
        (
            "En Suède, ce rôle est partagé entre deux documents : l'översiktsplan, qui couvre toute la commune mais n'est pas opposable, et le detaljplan, opposable mais limité à un secteur. Le PLU réunit les deux fonctions.",
            "I Sverige delas rollen mellan översiktsplanen, som täcker hela kommunen men inte är bindande, och detaljplanen, som är bindande men gäller ett begränsat område. PLU:n fyller båda funktionerna.",
            "Sweden splits this role between the översiktsplan, which covers the whole municipality but is not binding, and the detaljplan, which is binding but covers a limited area. The PLU does both.",
        ),
        [
            VIE_PUBLIQUE_SRU,
            (
                "Ministère de la Cohésion des territoires — Loi SRU",
                "https://cohesion-territoires.gouv.fr/loi-solidarite-et-renouvellement-urbain-sru",
            ),
        ],
    ),
    entry(
        "plui",
        FR,
        (
            "plan local d'urbanisme intercommunal (PLUi)",
            None,
            "inter-municipal local land-use plan (PLUi)",
        ),
        (
            "PLU élaboré par un établissement public de coopération intercommunale pour l'ensemble de ses communes. Depuis la loi ALUR (2014), les communautés de communes et d'agglomération sont devenues compétentes en matière de PLU le 27 mars 2017, sauf opposition d'au moins 25 % des communes représentant au moins 20 % de la population.",
            "En PLU som ett franskt interkommunalt samarbetsorgan (EPCI) tar fram för alla sina kommuner. Enligt ALUR-lagen (2014) fick kommunalförbundstyperna communautés de communes och d'agglomération ansvaret för PLU den 27 mars 2017, om inte minst 25 % av kommunerna med minst 20 % av befolkningen motsatte sig det.",
            "A PLU drawn up by a French inter-municipal body (EPCI) for all its member communes. Under the ALUR Act (2014), communautés de communes and d'agglomération became responsible for the PLU on 27 March 2017, unless at least 25% of the communes with at least 20% of the population objected.",
        ),
        (
            "La Suède n'a pas de plan d'urbanisme opposable à l'échelle intercommunale : le detaljplan reste l'affaire de chaque kommun, qui détient le monopole de la planification.",
            "Sverige har ingen bindande mellankommunal plan: detaljplanen är varje kommuns sak, eftersom kommunen har planmonopol.",
            "Sweden has no binding inter-municipal plan: each kommun adopts its own detailed plans under its planning monopoly.",
        ),
        [
            ("Seban Avocats — Le PLUi après la loi ALUR", "https://seban-associes.avocat.fr/"),
            ("AMRF — Délais d'opposition au transfert du PLU", "https://amrf.fr/"),
            RIVIERE_SRADDET,
        ],
    ),
    entry(
        "scot",
        FR,
        ("schéma de cohérence territoriale (SCoT)", None, "territorial coherence scheme (SCoT)"),
        (
            "Document de planification stratégique à l'échelle de plusieurs intercommunalités, créé par la loi SRU en 2000 pour remplacer les schémas directeurs. Il doit prendre en compte les objectifs du SRADDET et être compatible avec ses règles.",
            "Fransk strategisk plan för ett område som omfattar flera interkommunala samarbetsorgan, införd genom SRU-lagen år 2000 i stället för de tidigare schémas directeurs. Den ska beakta målen i regionens SRADDET och vara förenlig med dess regler.",
            "French strategic plan covering several inter-municipal areas, created by the SRU Act in 2000 to replace the schémas directeurs. It must take the SRADDET's objectives into account and comply with its rules.",
        ),
        (
            "Le plus proche en Suède est le regionplan (chapitre 7 de la PBL) ou un översiktsplan commun à plusieurs communes, mais aucun des deux n'est contraignant et le regionplan n'existe que dans certaines régions.",
            "Närmast i Sverige är regionplanen (PBL 7 kap.) eller en gemensam översiktsplan för flera kommuner, men ingen av dem är bindande och regionplan finns bara i vissa regioner.",
            "The nearest Swedish tools are the regionplan (PBL chapter 7) or a joint översiktsplan, but neither is binding, and regional plans exist only in some regions.",
        ),
        [VIE_PUBLIQUE_SRU],
    ),
    entry(
        "sraddet",
        FR,
        (
            "schéma régional d'aménagement, de développement durable et d'égalité des territoires (SRADDET)",
            None,
            "regional planning and sustainable development scheme (SRADDET)",
        ),
        (
            "Schéma adopté par la région et approuvé par le préfet de région, créé par la loi NOTRe du 7 août 2015. Il rassemble d'anciens schémas régionaux (climat-air-énergie, continuités écologiques, transports, déchets) ; les SCoT et, à défaut, les PLU et PLUi doivent prendre en compte ses objectifs et être compatibles avec ses règles.",
            "Fransk regional plan som regionen antar och regionprefekten godkänner, införd genom NOTRe-lagen den 7 augusti 2015. Den samlar flera tidigare regionala planer (klimat, luft och energi, ekologiska samband, transporter, avfall). SCoT och, där sådan saknas, PLU och PLUi ska beakta målen och vara förenliga med reglerna.",
            "Regional scheme adopted by the French région and approved by the regional prefect, created by the NOTRe Act of 7 August 2015. It merges earlier regional schemes (climate-air-energy, ecological networks, transport, waste); SCoTs and, where there is none, PLUs and PLUis must take its objectives into account and comply with its rules.",
        ),
        (
            "Le regionplan suédois est ce qui s'en rapproche le plus, mais il n'est pas contraignant pour les communes, alors que le SRADDET s'impose aux documents d'urbanisme locaux.",
            "Den svenska regionplanen ligger närmast, men den är inte bindande för kommunerna, medan SRADDET styr de lokala planerna.",
            "The Swedish regionplan comes closest, but it does not bind the municipalities, whereas the SRADDET binds local plans.",
        ),
        [RIVIERE_SRADDET, ("Pays du Haut-Doubs — Le SRADDET", "https://haut-doubs.org/")],
    ),
    entry(
        "zac",
        FR,
        ("zone d'aménagement concerté (ZAC)", None, "concerted development zone (ZAC)"),
        (
            "Opération d'aménagement par laquelle une collectivité ou un établissement public décide d'aménager et d'équiper des terrains pour les céder ensuite à des utilisateurs publics ou privés (Code de l'urbanisme, art. L.311-1 et suivants). Elle passe par la concertation, la création puis la réalisation, et doit respecter le PLU depuis la loi SRU.",
            "Fransk exploateringsform där en kommun, ett interkommunalt organ eller ett offentligt organ beslutar att iordningställa mark och bygga ut infrastruktur för att sedan överlåta marken till offentliga eller privata byggherrar (Code de l'urbanisme, art. L.311-1 ff.). Processen går genom samråd, beslut om inrättande och genomförande, och måste sedan SRU-lagen följa PLU:n.",
            "French development procedure in which a public body decides to prepare and service land and then sells or grants it to public or private users (Code de l'urbanisme, art. L.311-1 ff.). It goes through consultation, creation and implementation, and since the SRU Act it must follow the PLU.",
        ),
        (
            "La Suède n'a pas de procédure unique équivalente : on combine un detaljplan avec un exploateringsavtal quand le promoteur possède le terrain, ou avec une markanvisning quand le terrain appartient à la commune.",
            "Sverige har inget enskilt motsvarande förfarande: man kombinerar en detaljplan med ett exploateringsavtal när byggherren äger marken, eller med en markanvisning när kommunen äger den.",
            "Sweden has no single matching procedure: a detaljplan is combined with an exploateringsavtal when the developer owns the land, or with a markanvisning when the municipality does.",
        ),
        [
            CAUE14_ZAC,
            (
                "Wikipédia — Zone d'aménagement concerté",
                "https://fr.m.wikipedia.org/wiki/Zone_d%27am%C3%A9nagement_concert%C3%A9",
            ),
            ("Notaires de France — La ZAC", "https://notaires.fr/"),
        ],
    ),
    entry(
        "building-permit",
        BOTH,
        ("permis de construire", "bygglov", "building permit"),
        (
            "Autorisation nécessaire avant de construire ou de transformer un bâtiment au-delà de certains seuils. En France, elle est requise notamment pour une construction neuve de plus de 20 m² ; en Suède, le bygglov est accordé par la commission de la construction de la kommun.",
            "Tillstånd som krävs innan man bygger eller ändrar en byggnad utöver vissa gränser. I Frankrike krävs permis de construire bland annat för nybyggnad över 20 m²; i Sverige beslutar kommunens byggnadsnämnd om bygglov.",
            "Permission needed before building or altering a building beyond set thresholds. In France a permis de construire is needed, among other cases, for a new building over 20 m²; in Sweden the municipality's building committee decides on a bygglov.",
        ),
        (
            "En France, les petits travaux relèvent d'un régime allégé, la déclaration préalable, et un architecte est obligatoire au-delà de 150 m². En Suède, la loi de 2010 (PBL) fixe un délai d'instruction de 10 semaines et exempte certains petits travaux.",
            "I Frankrike omfattas mindre åtgärder av en enklare ordning, déclaration préalable, och över 150 m² krävs arkitekt. I Sverige ger PBL (2010) en handläggningstid på tio veckor, och vissa mindre åtgärder är bygglovsbefriade.",
            "In France small works fall under a lighter regime, the déclaration préalable, and an architect is compulsory above 150 m². In Sweden the 2010 PBL sets a 10-week time limit and exempts some small works.",
        ),
        [
            ("L'Ancie — Déclaration préalable ou permis de construire", "https://lancie.fr/"),
            ("Mairie de Marzens — Urbanisme", "https://mairie-marzens.fr/"),
            PROP_2009_10_170,
        ],
    ),
    entry(
        "declaration-prealable",
        FR,
        ("déclaration préalable de travaux", None, "prior declaration of works"),
        (
            "Régime d'autorisation allégé du Code de l'urbanisme pour les petits travaux : création de 5 à 20 m² de surface (jusqu'à 40 m² pour un bâtiment existant en zone urbaine d'un PLU), ravalement ou modification de l'aspect extérieur, changement de destination sans travaux de structure.",
            "Fransk förenklad anmälningsordning för mindre åtgärder: tillbyggnad på 5–20 m² (upp till 40 m² för befintliga byggnader i tätbebyggda zoner i en PLU), fasadrenovering eller ändrat utseende, och ändrad användning utan ingrepp i bärande konstruktion.",
            "A lighter French authorisation for small works: adding 5 to 20 m² of floor area (up to 40 m² on existing buildings in a PLU's urban zones), façade renovation or changes to external appearance, and changes of use without structural works.",
        ),
        (
            "En Suède, certains travaux sont soumis à une simple anmälan (notification) ou exemptés de bygglov, mais les seuils et les listes de travaux ne correspondent pas à ceux de la déclaration préalable.",
            "I Sverige kräver vissa åtgärder bara anmälan eller är bygglovsbefriade, men gränserna och åtgärderna är andra än för déclaration préalable.",
            "In Sweden some works need only a notification (anmälan) or no permit at all, but the thresholds and lists of works are not those of the déclaration préalable.",
        ),
        [
            ("L'Ancie — Déclaration préalable ou permis de construire", "https://lancie.fr/"),
            (
                "Pratique.fr — La déclaration préalable de travaux",
                "https://pratique.fr/declaration-prealable-travaux.html",
            ),
            ("ADIL de la Haute-Vienne", "https://adil87.org/"),
        ],
    ),
    entry(
        "concertation-prealable",
        FR,
        ("concertation préalable", None, "early public consultation"),
        (
            "Phase d'association du public en amont d'un projet ou d'un document d'urbanisme, obligatoire par exemple avant la création d'une ZAC. La Commission nationale du débat public peut désigner un garant pour veiller à son bon déroulement.",
            "Fransk tidig dialog med allmänheten innan ett projekt eller en plan tar form, obligatorisk till exempel innan en ZAC inrättas. Den nationella kommissionen för offentlig debatt (CNDP) kan utse en garant som ser till att den genomförs korrekt.",
            "French early stage in which the public is involved before a project or plan takes shape, compulsory for instance before a ZAC is created. The national public-debate commission (CNDP) can appoint a guarantor to oversee it.",
        ),
        (
            "Le samråd suédois est l'étape la plus proche, mais c'est la première étape obligatoire de toute procédure de plan, menée par la commune elle-même, sans garant extérieur.",
            "Närmast ligger det svenska samrådet, men det är det första obligatoriska steget i varje planprocess och leds av kommunen själv, utan extern garant.",
            "The Swedish samråd is the nearest step, but it is the first statutory stage of every plan procedure, run by the municipality itself with no outside guarantor.",
        ),
        [("Notaires de France — Les étapes de la ZAC", "https://notaires.fr/"), CNDP_FAQ],
    ),
    entry(
        "enquete-publique",
        FR,
        ("enquête publique", None, "public inquiry"),
        (
            "Procédure du Code de l'environnement (art. L.123-1 et suivants) qui précède l'approbation des documents d'urbanisme et de certains projets. Depuis 2012, elle dure de 30 à 60 jours ; un commissaire enquêteur désigné par le tribunal administratif recueille les observations et rend un rapport et des conclusions motivées qui ne lient pas l'autorité qui décide.",
            "Franskt offentligt utredningsförfarande enligt miljölagstiftningen (Code de l'environnement, art. L.123-1 ff.) innan planer och vissa projekt antas. Sedan 2012 pågår det i 30–60 dagar. En utredare som förvaltningsdomstolen utser tar emot synpunkter och lämnar en rapport med motiverade slutsatser, som inte binder den beslutande myndigheten.",
            "Procedure of the French Environmental Code (art. L.123-1 ff.) held before plans and certain projects are approved. Since 2012 it lasts 30 to 60 days; an inquiry commissioner appointed by the administrative court gathers comments and gives a report with reasoned conclusions, which do not bind the deciding authority.",
        ),
        (
            "L'étape suédoise comparable est la granskning, mais elle est menée par la commune elle-même, alors qu'en France l'enquête est conduite par un commissaire enquêteur indépendant.",
            "Det svenska steget som liknar mest är granskningen, men den sköts av kommunen själv, medan den franska utredningen leds av en oberoende utredare.",
            "The comparable Swedish stage is the granskning, but the municipality runs it itself, whereas in France an independent commissioner conducts the inquiry.",
        ),
        [
            (
                "Préfecture du Var — Enquête publique, rôle du commissaire enquêteur",
                "https://var.gouv.fr/",
            ),
            (
                "Wikipédia — Enquête publique en France",
                "https://fr.m.wikipedia.org/wiki/Enqu%C3%AAte_publique_en_France",
            ),
        ],
    ),
    entry(
        "cndp",
        FR,
        (
            "Commission nationale du débat public (CNDP)",
            None,
            "National Commission for Public Debate (CNDP)",
        ),
        (
            "Autorité administrative indépendante créée par la loi Barnier de 1995, qui doit être saisie des plus grands projets. Elle choisit entre un débat public et une concertation avec garant, sans se prononcer sur le fond du projet.",
            "Fransk oberoende myndighet, inrättad genom Barnier-lagen 1995, som de största projekten måste hänskjutas till. Den väljer mellan en offentlig debatt och ett samråd med garant, utan att ta ställning till projektet i sak.",
            "French independent authority created by the Barnier Act of 1995, to which the largest projects must be referred. It chooses between a public debate and a consultation with a guarantor, without ruling on the merits of the project.",
        ),
        (
            "La Suède n'a pas d'autorité nationale indépendante chargée du débat public : la consultation sur les plans est organisée par la commune.",
            "Sverige har ingen oberoende nationell myndighet för offentlig debatt; samråd om planer ordnas av kommunen.",
            "Sweden has no independent national authority for public debate; consultation on plans is organised by the municipality.",
        ),
        [
            CNDP_FAQ,
            (
                "Participations citoyennes — La CNDP",
                "https://participations-citoyennes.fr/commission-nationale-du-debat-public",
            ),
        ],
    ),
    entry(
        "bailleur-social",
        FR,
        ("bailleur social", None, "social landlord"),
        (
            "Organisme qui construit et gère des logements sociaux du secteur HLM, encadré par le Code de la construction et de l'habitation.",
            "Franskt bostadsföretag som bygger och förvaltar sociala hyresbostäder inom HLM-sektorn, reglerat i Code de la construction et de l'habitation.",
            "French body that builds and manages social housing in the HLM sector, governed by the Construction and Housing Code.",
        ),
        (
            "L'équivalent le plus proche est l'allmännyttigt bostadsbolag (société communale de logement), mais celui-ci loge tout le monde, sans critère de revenus.",
            "Närmast är ett allmännyttigt bostadsbolag, men det hyr ut till alla, utan inkomstgränser.",
            "The nearest is the Swedish municipal housing company (allmännyttigt bostadsbolag), but it rents to everyone, with no income criteria.",
        ),
        [("Sénat — Débat sur le Code de la construction et de l'habitation", "https://senat.fr/")],
    ),
    entry(
        "hlm",
        FR,
        ("habitation à loyer modéré (HLM)", None, "social housing (HLM)"),
        (
            "Logement social à loyer encadré, géré par les organismes HLM, que fédère l'Union sociale pour l'habitat (USH).",
            "Fransk social hyresbostad med reglerad hyra som förvaltas av HLM-organisationer; deras samarbetsorganisation är Union sociale pour l'habitat (USH).",
            "French social rental housing with regulated rents, managed by HLM bodies whose federation is the Union sociale pour l'habitat (USH).",
        ),
        (
            "La Suède n'a pas de parc social réservé aux ménages modestes ; le plus proche est l'allmännyttan, ouvert à tous.",
            "Sverige har ingen social bostadssektor riktad till hushåll med låga inkomster; närmast är allmännyttan, som är öppen för alla.",
            "Sweden has no social housing sector targeted at low-income households; the nearest is allmännyttan, open to all.",
        ),
        [ANRU_NPNRU],
    ),
    entry(
        "loi-sru-article-55",
        FR,
        ("article 55 de la loi SRU", None, "SRU Act, article 55 (social housing quota)"),
        (
            "Obligation, pour les communes de plus de 3 500 habitants (1 500 en Île-de-France) situées dans une agglomération ou un EPCI de plus de 50 000 habitants comptant une commune de plus de 15 000, d'avoir 25 % de logements sociaux parmi les résidences principales en 2025 (20 % là où la demande est moindre). Les communes en retard paient un prélèvement annuel ; le préfet peut prononcer la carence, qui l'alourdit.",
            "Fransk skyldighet för kommuner med över 3 500 invånare (1 500 i Île-de-France) i en tätortsregion eller ett EPCI med över 50 000 invånare och minst en kommun med över 15 000 att ha 25 % sociala bostäder bland permanentbostäderna år 2025 (20 % där efterfrågan är lägre). Kommuner som ligger efter betalar en årlig avgift, som höjs om prefekten förklarar kommunen försumlig (carence).",
            "French obligation for communes of over 3,500 inhabitants (1,500 in Île-de-France) in an urban area or EPCI of over 50,000 with a commune of over 15,000 to have 25% social housing among main residences by 2025 (20% where demand is lower). Communes behind pay a yearly levy, raised if the prefect declares them in default (carence).",
        ),
        (
            "Rien de tel en Suède : les communes ont un devoir général de planifier l'offre de logements (loi 2000:1383), sans quota.",
            "Sverige har ingen motsvarighet: kommunerna har ett allmänt bostadsförsörjningsansvar (lag 2000:1383) men ingen kvot.",
            "Sweden has nothing like it: municipalities have a general duty to plan housing provision (Act 2000:1383) but no quota.",
        ),
        [
            SENAT_SRU,
            (
                "Ministère de la Cohésion des territoires — Transparence logement social",
                "https://cohesion-territoires.gouv.fr/transparence-logement-social",
            ),
            VIE_PUBLIQUE_SRU,
        ],
    ),
    entry(
        "epci",
        FR,
        (
            "établissement public de coopération intercommunale (EPCI)",
            None,
            "inter-municipal cooperation body (EPCI)",
        ),
        (
            "Structure qui regroupe des communes pour exercer ensemble certaines compétences, régie par le Code général des collectivités territoriales. Les EPCI à fiscalité propre sont les communautés de communes, les communautés d'agglomération, les communautés urbaines et les métropoles.",
            "Franskt samarbetsorgan där kommuner gemensamt sköter vissa uppgifter, reglerat i lagen om lokala och regionala självstyrelseorgan (CGCT). De som har egen beskattningsrätt är communautés de communes, communautés d'agglomération, communautés urbaines och métropoles.",
            "French body through which communes exercise some powers together, governed by the General Code of Local Authorities. Those with their own tax-raising powers are communautés de communes, communautés d'agglomération, communautés urbaines and métropoles.",
        ),
        (
            "La kommun suédoise, bien plus grande en moyenne qu'une commune française, détient seule les compétences d'urbanisme qu'en France l'EPCI exerce souvent.",
            "Den svenska kommunen, som i genomsnitt är mycket större än en fransk commune, har själv de planeringsbefogenheter som i Frankrike ofta ligger hos EPCI.",
            "The Swedish kommun, far larger on average than a French commune, holds alone the planning powers that in France often lie with the EPCI.",
        ),
        [SENAT_EPCI],
    ),
    entry(
        "metropole",
        FR,
        ("métropole", None, "metropolitan authority (métropole)"),
        (
            "La forme la plus intégrée d'intercommunalité, généralisée par la loi MAPTAM du 27 janvier 2014 pour les grandes agglomérations. L'Eurométropole de Strasbourg et Grenoble-Alpes Métropole en font partie ; la Métropole du Grand Paris existe depuis le 1er janvier 2016.",
            "Den mest integrerade formen av franskt kommunsamarbete, som MAPTAM-lagen den 27 januari 2014 införde för de stora stadsregionerna. Eurométropole de Strasbourg och Grenoble-Alpes Métropole är sådana; Métropole du Grand Paris finns sedan den 1 januari 2016.",
            "The most integrated form of French inter-municipal body, set up for large urban areas by the MAPTAM Act of 27 January 2014. The Eurométropole de Strasbourg and Grenoble-Alpes Métropole are métropoles; the Métropole du Grand Paris has existed since 1 January 2016.",
        ),
        (
            "Pas d'équivalent en Suède : une grande kommun comme Göteborgs Stad ou Malmö stad en est fonctionnellement le plus proche.",
            "Ingen svensk motsvarighet; funktionellt ligger en stor kommun som Göteborgs Stad eller Malmö stad närmast.",
            "No Swedish equivalent; a large municipality such as Göteborgs Stad or Malmö stad is functionally the nearest.",
        ),
        [
            (
                "GoMet' — Création des métropoles en France : que dit la loi ?",
                "https://gomet.net/creation-des-metropoles-en-france-que-dit-la-loi/",
            ),
            (
                "Juricoll — L'organisation territoriale",
                "https://juricoll.fr/category/lorganisation-territoriale/",
            ),
        ],
    ),
    entry(
        "communaute-d-agglomeration",
        FR,
        ("communauté d'agglomération", None, "agglomeration community"),
        (
            "EPCI à fiscalité propre qui regroupe plus de 50 000 habitants d'un seul tenant et sans enclave, autour d'une ou plusieurs communes centres de plus de 15 000 habitants (CGCT, art. L.5216-1). Saint-Brieuc Armor Agglomération en est une.",
            "Franskt kommunsamarbete med egen beskattningsrätt som omfattar mer än 50 000 invånare i ett sammanhängande område kring en eller flera centralorter med över 15 000 invånare (CGCT, art. L.5216-1). Saint-Brieuc Armor Agglomération är ett exempel.",
            "French inter-municipal body with its own taxes covering more than 50,000 inhabitants in one continuous area around one or more centre communes of over 15,000 (CGCT, art. L.5216-1). Saint-Brieuc Armor Agglomération is one.",
        ),
        (
            "Pas d'équivalent en Suède, où la kommun couvre déjà la ville et ses environs.",
            "Ingen svensk motsvarighet; den svenska kommunen omfattar redan staden och dess omland.",
            "No Swedish equivalent: a Swedish kommun already covers a town and its surroundings.",
        ),
        [SENAT_EPCI],
    ),
    entry(
        "prefet",
        FR,
        ("préfet, préfecture", None, "prefect, prefecture"),
        (
            "Le préfet représente l'État dans la région ou le département. En urbanisme, il approuve le SRADDET, peut prononcer la carence d'une commune au titre de la loi SRU et crée les ZAC d'initiative de l'État ; la DREAL travaille sous l'autorité du préfet de région.",
            "Prefekten företräder staten i regionen eller departementet. Inom planeringen godkänner prefekten regionens SRADDET, kan förklara en kommun försumlig enligt SRU-lagen och inrättar ZAC på statligt initiativ; DREAL arbetar under regionprefekten.",
            "The prefect represents the State in the région or département. In planning, the prefect approves the SRADDET, can declare a commune in default under the SRU Act and creates State-initiated ZACs; the DREAL works under the regional prefect.",
        ),
        (
            "Le plus proche en Suède est la länsstyrelse (et le landshövding à sa tête), qui contrôle les plans des communes ; le préfet agit en outre directement sur le logement (carence SRU) et l'aménagement (ZAC d'État).",
            "Närmast är länsstyrelsen med landshövdingen, som granskar kommunernas planer; den franska prefekten agerar dessutom direkt i bostadsfrågor (försummelse enligt SRU-lagen) och exploatering (ZAC på statligt initiativ).",
            "The nearest is the Swedish länsstyrelse, headed by a governor, which oversees municipal plans; the French prefect also acts directly on housing (SRU default) and development (State-initiated ZACs).",
        ),
        [RIVIERE_SRADDET, SENAT_SRU, CAUE14_ZAC],
    ),
    entry(
        "dreal",
        FR,
        (
            "direction régionale de l'environnement, de l'aménagement et du logement (DREAL)",
            None,
            "regional directorate for environment, planning and housing (DREAL)",
        ),
        (
            "Service régional de l'État placé sous le préfet de région, créé par le décret du 27 février 2009 par la fusion de trois directions. Il traite du climat, de la biodiversité, des risques, du logement et de la rénovation urbaine, et appuie l'autorité environnementale.",
            "Statlig regional förvaltning under regionprefekten, bildad genom dekret den 27 februari 2009 av tre tidigare direktorat. Den arbetar med klimat, biologisk mångfald, risker, bostäder och stadsförnyelse och stöder miljömyndigheten.",
            "State regional service under the regional prefect, created by a decree of 27 February 2009 by merging three directorates. It deals with climate, biodiversity, risks, housing and urban renewal, and supports the environmental authority.",
        ),
        (
            "En Suède, ces missions de contrôle de l'État reviennent surtout à la länsstyrelse, qui réunit en un seul organisme ce que la France répartit entre la préfecture et la DREAL.",
            "I Sverige sköts den statliga tillsynen främst av länsstyrelsen, som i en och samma myndighet samlar det som Frankrike delar mellan prefekturen och DREAL.",
            "In Sweden this State oversight falls mainly to the länsstyrelse, which holds in one body what France splits between the prefecture and the DREAL.",
        ),
        [
            (
                "Banque des Territoires — L'organisation et les missions des DREAL",
                "https://banquedesterritoires.fr/un-decret-precise-lorganisation-et-les-missions-des-dreal",
            ),
            (
                "Calcul CEE — DREAL : définition et rôle",
                "https://calculcee.fr/article/dreal-definition-role",
            ),
        ],
    ),
    entry(
        "anru-npnru",
        FR,
        (
            "Agence nationale pour la rénovation urbaine (ANRU), NPNRU",
            None,
            "National Urban Renewal Agency (ANRU), NPNRU",
        ),
        (
            "Agence nationale qui finance la transformation des quartiers prioritaires. Le nouveau programme national de renouvellement urbain (NPNRU), créé par la loi du 21 février 2014, concerne 450 quartiers (216 d'intérêt national, les autres d'intérêt régional) pour 12 milliards d'euros d'équivalent subvention, apportés surtout par Action Logement, l'USH et l'État.",
            "Fransk nationell myndighet som finansierar omvandlingen av prioriterade bostadsområden. Det nya nationella stadsförnyelseprogrammet (NPNRU), infört genom lag den 21 februari 2014, omfattar 450 områden (216 av nationellt intresse, de övriga av regionalt) med motsvarande 12 miljarder euro i bidrag, främst från Action Logement, USH och staten.",
            "French national agency funding the transformation of priority neighbourhoods. The new national urban renewal programme (NPNRU), created by the Act of 21 February 2014, covers 450 neighbourhoods (216 of national interest, the rest of regional interest) with €12 billion in subsidy equivalent, mainly from Action Logement, the USH and the State.",
        ),
        (
            "La Suède n'a ni agence ni programme national de ce type.",
            "Sverige har varken en sådan nationell myndighet eller ett sådant program.",
            "Sweden has no national agency or programme of this kind.",
        ),
        [ANRU_NPNRU],
    ),
    entry(
        "qpv",
        FR,
        (
            "quartier prioritaire de la politique de la ville (QPV)",
            None,
            "priority urban-policy neighbourhood (QPV)",
        ),
        (
            "Quartier défini par l'État comme prioritaire pour la politique de la ville ; il y en a environ 1 500, parmi lesquels sont choisis les quartiers du NPNRU.",
            "Franskt bostadsområde som staten pekat ut som prioriterat i stadspolitiken; de är omkring 1 500, och NPNRU:s områden väljs bland dem.",
            "French neighbourhood designated by the State as a priority of urban policy; there are about 1,500, from which the NPNRU neighbourhoods are chosen.",
        ),
        (
            "La Suède n'a pas de catégorie officielle équivalente dans la planification urbaine.",
            "Sverige har ingen motsvarande officiell kategori i den fysiska planeringen.",
            "Sweden has no matching official category in urban planning.",
        ),
        [
            (
                "Banque des Territoires — La liste des 200 nouveaux quartiers ANRU",
                "https://banquedesterritoires.fr/la-liste-des-200-nouveaux-quartiers-anru-est-arrivee",
            ),
            ANRU_NPNRU,
        ],
    ),
    entry(
        "label-ecoquartier",
        FR,
        ("label ÉcoQuartier", None, "EcoQuartier label"),
        (
            "Label national lancé en décembre 2012 pour les quartiers durables. Il repose sur 20 engagements en quatre dimensions (démarche et processus ; cadre de vie et usages ; développement territorial ; environnement et climat) et s'obtient en quatre étapes, de la signature de la charte au label confirmé trois ans après la livraison.",
            "Franskt nationellt märke för hållbara stadsdelar, lanserat i december 2012. Det bygger på 20 åtaganden inom fyra områden (arbetssätt och process; livsmiljö och användning; territoriell utveckling; miljö och klimat) och nås i fyra steg, från undertecknad stadga till bekräftat märke tre år efter inflyttning.",
            "French national label for sustainable neighbourhoods launched in December 2012. It rests on 20 commitments in four dimensions (process; living environment and uses; territorial development; environment and climate) and is reached in four stages, from signing the charter to confirmation three years after completion.",
        ),
        (
            "La Suède n'a pas de label national public pour les quartiers ; les villes françaises de l'Alliance viennent du Club ÉcoQuartier.",
            "Sverige har inget statligt nationellt märke för stadsdelar; Alliansens franska städer kommer från nätverket Club ÉcoQuartier.",
            "Sweden has no national public label for neighbourhoods; the Alliance's French cities come from the Club ÉcoQuartier network.",
        ),
        [
            (
                "Ministère de la Transition écologique — Le label ÉcoQuartier",
                "https://amenagement-durable.ecologie.gouv.fr/le-label-ecoquartier",
            ),
            ("ÉcoQuartiers — Le label", "https://ecoquartiers.logement.gouv.fr/le-label/"),
        ],
    ),
    entry(
        "zan",
        FR,
        ("zéro artificialisation nette (ZAN)", None, "net zero land take (ZAN)"),
        (
            "Objectif fixé par la loi Climat et résilience du 22 août 2021 : diviser par deux la consommation d'espaces naturels, agricoles et forestiers entre 2021 et 2031 par rapport à la décennie précédente, puis atteindre l'artificialisation nette nulle en 2050. Il se décline du SRADDET au SCoT puis au PLU(i).",
            "Franskt mål enligt lagen Climat et résilience den 22 augusti 2021: att halvera ianspråktagandet av natur-, jordbruks- och skogsmark 2021–2031 jämfört med föregående decennium och att nå netto noll exploatering år 2050. Målet bryts ned från SRADDET till SCoT och PLU(i).",
            "French target set by the Climate and Resilience Act of 22 August 2021: halve the consumption of natural, agricultural and forest land in 2021–2031 compared with the previous decade, then reach net zero land take by 2050. It is passed down from the SRADDET to the SCoT and the PLU(i).",
        ),
        (
            "La Suède n'a pas d'objectif national chiffré de limitation de l'artificialisation des sols.",
            "Sverige har inget nationellt kvantifierat mål för att begränsa exploateringen av mark.",
            "Sweden has no national quantified target for limiting land take.",
        ),
        [
            (
                "Partenaires patrimoine Bourgogne-Franche-Comté — Glossaire",
                "https://partenaires-patrimoine.bourgognefranchecomte.fr/glossaire/z",
            ),
            ("Sénat", "https://senat.fr/"),
        ],
    ),
    entry(
        "pcaet",
        FR,
        (
            "plan climat-air-énergie territorial (PCAET)",
            None,
            "local climate, air and energy plan (PCAET)",
        ),
        (
            "Plan obligatoire pour les EPCI à fiscalité propre de plus de 20 000 habitants depuis la loi de transition énergétique de 2015 (Code de l'environnement, art. L.229-26). Il comprend un diagnostic, une stratégie, un plan d'action et un dispositif de suivi, et doit prendre en compte le SRADDET.",
            "Fransk plan som är obligatorisk för interkommunala samarbetsorgan med egen beskattningsrätt och över 20 000 invånare sedan energiomställningslagen 2015 (Code de l'environnement, art. L.229-26). Den omfattar nulägesanalys, strategi, handlingsplan och uppföljning, och ska beakta SRADDET.",
            "Plan compulsory for French inter-municipal bodies with their own taxes and over 20,000 inhabitants since the 2015 Energy Transition Act (Environmental Code, art. L.229-26). It contains a diagnosis, a strategy, an action plan and monitoring, and must take the SRADDET into account.",
        ),
        (
            "L'outil suédois le plus proche est volontaire : le Klimatkontrakt 2030, signé par la commune avec des agences de l'État.",
            "Det närmaste svenska verktyget är frivilligt: Klimatkontrakt 2030, som kommunen tecknar med statliga myndigheter.",
            "The nearest Swedish tool is voluntary: Klimatkontrakt 2030, which a municipality signs with State agencies.",
        ),
        [
            ("Préfecture de l'Aisne — Cadre législatif du PCAET", "https://aisne.gouv.fr/"),
            ("La Gazette des communes", "https://lagazettedescommunes.com/902488"),
        ],
    ),
    entry(
        "energy-performance-certificate",
        BOTH,
        (
            "diagnostic de performance énergétique (DPE)",
            "energideklaration",
            "energy performance certificate",
        ),
        (
            "Document qui décrit la performance énergétique d'un bâtiment. En France, le DPE existe depuis 2006, est obligatoire pour la vente et la location, vaut dix ans et classe le logement de A (le meilleur) à G. En Suède, l'energideklaration découle de la loi 2006:985, qui transpose la directive européenne 2002/91/CE ; elle est exigée pour les bâtiments neufs, les logements loués, les grands bâtiments recevant du public et lors d'une vente.",
            "Dokument som beskriver en byggnads energiprestanda. I Frankrike finns DPE sedan 2006; den krävs vid försäljning och uthyrning, gäller i tio år och klassar bostaden från A (bäst) till G. I Sverige följer energideklarationen av lag (2006:985), som genomför EU-direktivet 2002/91/EG; den krävs för nya byggnader, för byggnader som upplåts med nyttjanderätt, för större byggnader som ofta besöks av allmänheten och vid försäljning.",
            "Document describing a building's energy performance. The French DPE has existed since 2006, is required for sale and letting, is valid for ten years and rates the home from A (best) to G. The Swedish energideklaration follows from Act 2006:985, implementing EU Directive 2002/91/EC; it is required for new buildings, buildings let for use, large buildings often visited by the public, and on sale.",
        ),
        (
            "En France, la classe du DPE a des effets directs sur la location : loyers gelés pour les logements F et G depuis 2023, logements G interdits à la nouvelle location depuis le 1er janvier 2025. En Suède, Boverket est l'autorité de surveillance des energideklarationer.",
            "I Frankrike får DPE-klassen direkta följder för uthyrning: hyrorna är frysta för F- och G-bostäder sedan 2023, och G-bostäder får inte hyras ut med nya avtal sedan den 1 januari 2025. I Sverige är Boverket tillsynsmyndighet för energideklarationerna.",
            "In France the DPE class directly affects letting: rents frozen for F and G homes since 2023, G homes barred from new leases since 1 January 2025. In Sweden Boverket is the supervisory authority for energy performance certificates.",
        ),
        [
            ("Brief.eco — Définition du DPE", "https://app.brief.eco/"),
            LAGEN_2006_985,
            (
                "FAR Online — Förordning (2006:1592) om energideklaration för byggnader",
                "https://faronline.se/",
            ),
        ],
    ),
    entry(
        "municipality",
        BOTH,
        ("commune", "kommun", "municipality"),
        (
            "L'échelon local de base. La Suède compte 290 kommuner, responsables de la planification (monopole de planification), des permis de construire, des écoles, de l'action sociale et de l'offre de logements.",
            "Den grundläggande lokala nivån. Sverige har 290 kommuner, som ansvarar för planering (planmonopolet), bygglov, skola, socialtjänst och bostadsförsörjning.",
            "The basic local tier. Sweden has 290 kommuner, in charge of planning (the planning monopoly), building permits, schools, social services and housing provision.",
        ),
        (
            "La kommun suédoise est en moyenne bien plus grande qu'une commune française et détient seule des compétences d'urbanisme qu'en France l'EPCI exerce souvent (le PLUi, par exemple).",
            "Den svenska kommunen är i genomsnitt mycket större än en fransk commune och har själv planeringsbefogenheter som i Frankrike ofta ligger hos EPCI (till exempel PLUi).",
            "The Swedish kommun is on average far larger than a French commune and holds alone planning powers that in France often lie with the EPCI (the PLUi, for instance).",
        ),
        [
            ("5dok — Sveriges 290 kommuner", "https://5dok.org/"),
            ("Sveriges Allmännytta", "https://sverigesallmannytta.se/"),
        ],
    ),
    entry(
        "region",
        BOTH,
        ("région", "region", "region"),
        (
            "Collectivité régionale. La France métropolitaine compte 13 régions depuis le 1er janvier 2016, compétentes notamment pour le SRADDET. La Suède compte 21 regions (les anciens landsting), chargées surtout des soins de santé, des transports publics et du développement régional.",
            "Regional självstyrelsenivå. Frankrike har 13 regioner på fastlandet sedan den 1 januari 2016, som bland annat ansvarar för SRADDET. Sverige har 21 regioner (de tidigare landstingen), som främst ansvarar för hälso- och sjukvård, kollektivtrafik och regional utveckling.",
            "Regional self-governing tier. Metropolitan France has 13 régions since 1 January 2016, responsible among other things for the SRADDET. Sweden has 21 regions (the former county councils), mainly in charge of health care, public transport and regional development.",
        ),
        (
            "La région française adopte un schéma qui s'impose aux plans locaux ; la region suédoise ne fait de planification physique régionale obligatoire que dans quelques territoires (Stockholm, Skåne, Halland), et ce plan n'est pas contraignant.",
            "Den franska regionen antar en plan som styr de lokala planerna; den svenska regionen har obligatorisk regional fysisk planering bara i några län (Stockholm, Skåne, Halland), och den planen är inte bindande.",
            "The French région adopts a scheme that binds local plans; Swedish regions have compulsory regional spatial planning only in a few counties (Stockholm, Skåne, Halland), and that plan is not binding.",
        ),
        [SKR, BOVERKET_REGIONPLAN],
    ),
    # --- Swedish system -------------------------------------------------------------------
    entry(
        "pbl",
        SE,
        (None, "plan- och bygglagen (PBL)", "Planning and Building Act (PBL)"),
        (
            "La loi suédoise sur l'urbanisme et la construction (2010:900), qui a remplacé celle de 1987. Elle encadre l'översiktsplan, le detaljplan et le bygglov ; la version de 2010 a renforcé le rôle stratégique de l'översiktsplan, introduit le planbesked et fixé un délai de 10 semaines pour le bygglov.",
            "Lagen (2010:900) som reglerar planläggning och byggande och som ersatte PBL från 1987. Den styr översiktsplan, detaljplan och bygglov; 2010 års lag stärkte översiktsplanens strategiska roll, införde planbesked och en tidsfrist på tio veckor för bygglov.",
            "The Swedish Act (2010:900) governing planning and building, which replaced the 1987 Act. It governs the översiktsplan, detaljplan and bygglov; the 2010 version strengthened the översiktsplan's strategic role, introduced the planbesked and set a 10-week limit for building permits.",
        ),
        (
            "Son pendant français est le Code de l'urbanisme, mais la PBL regroupe dans une seule loi la planification et la construction, et donne l'essentiel des pouvoirs à la commune.",
            "Närmast i Frankrike är Code de l'urbanisme, men PBL samlar planering och byggande i en lag och ger kommunen huvuddelen av makten.",
            "The French counterpart is the Code de l'urbanisme, but the PBL covers both planning and building in one Act and gives most powers to the municipality.",
        ),
        [PROP_2009_10_170],
    ),
    entry(
        "miljobalken",
        SE,
        (None, "miljöbalken", "Environmental Code (Sweden)"),
        (
            "Le code suédois de l'environnement. Il contient notamment la protection des rives (strandskydd, chapitre 7), les zones d'intérêt national (riksintressen, chapitres 3 et 4) et les normes de qualité environnementale (chapitre 5).",
            "Sveriges samlade miljölagstiftning. Den innehåller bland annat strandskyddet (7 kap.), riksintressena (3–4 kap.) och miljökvalitetsnormerna (5 kap.).",
            "Sweden's Environmental Code. It contains among other things shoreline protection (strandskydd, chapter 7), areas of national interest (riksintressen, chapters 3–4) and environmental quality standards (chapter 5).",
        ),
        (
            "Il correspond en gros au Code de l'environnement français, mais les règles de protection qui comptent pour l'urbanisme (rives, intérêts nationaux) y sont directement liées au contrôle des plans communaux par la länsstyrelse.",
            "Den motsvarar ungefär franska Code de l'environnement, men de skyddsregler som har betydelse för planeringen (strandskydd, riksintressen) är direkt kopplade till länsstyrelsens granskning av kommunernas planer.",
            "It broadly matches the French Code de l'environnement, but the protections that matter for planning (shores, national interests) are tied directly to the länsstyrelse's review of municipal plans.",
        ),
        [SKR, ("5dok — Strandskyddsregler, 7 kap. 13–14 §§ miljöbalken", "https://5dok.org/")],
    ),
    entry(
        "detaljplan",
        SE,
        (None, "detaljplan", "detailed development plan"),
        (
            "Plan opposable adoptée par la commune pour un secteur délimité, qui fixe ce qui peut être construit et sert de base aux bygglov (PBL, chapitres 4 et 5). Depuis 2015, la procédure est standard ou élargie (utökat) ; les étapes sont le samråd, la granskning, l'adoption puis l'entrée en vigueur (laga kraft).",
            "Bindande plan som kommunen antar för ett avgränsat område och som reglerar vad som får byggas och ligger till grund för bygglov (PBL 4 och 5 kap.). Sedan 2015 handläggs den med standardförfarande eller utökat förfarande; stegen är samråd, granskning, antagande och laga kraft.",
            "Binding plan adopted by the municipality for a defined area, setting what may be built and forming the basis for building permits (PBL chapters 4 and 5). Since 2015 it follows a standard or an extended procedure; the stages are samråd, granskning, adoption and entry into force (laga kraft).",
        ),
        (
            "Son effet juridique le rapproche du règlement d'un PLU, mais un detaljplan ne couvre qu'un secteur précis, alors que le PLU couvre tout le territoire de la commune ou de l'intercommunalité.",
            "Rättsverkan liknar föreskrifterna i en fransk PLU, men detaljplanen gäller bara ett avgränsat område, medan PLU:n täcker hela kommunens eller samarbetsorganets yta.",
            "Its legal effect is close to a PLU's regulations, but a detaljplan covers only a defined area, whereas a PLU covers the whole commune or inter-municipal area.",
        ),
        [BOVERKET_DP, DANDERYD, VANERSBORG],
    ),
    entry(
        "oversiktsplan",
        SE,
        (None, "översiktsplan (ÖP)", "comprehensive plan"),
        (
            "Plan que chaque commune suédoise doit avoir, couvrant tout son territoire et orientant les detaljplaner, sans être contraignante. Un fördjupad översiktsplan (FÖP) approfondit l'översiktsplan pour une partie du territoire.",
            "Plan som varje kommun ska ha, som omfattar hela kommunen och vägleder detaljplaneringen men inte är bindande. En fördjupad översiktsplan (FÖP) behandlar en del av kommunen mer ingående.",
            "Plan that every Swedish municipality must have, covering its whole area and guiding detailed plans, but not binding. An in-depth comprehensive plan (FÖP) covers part of the area in more detail.",
        ),
        (
            "Son rôle stratégique rappelle le PADD d'un PLU ou un SCoT, mais contrairement au SCoT, l'översiktsplan n'est pas opposable.",
            "Den strategiska rollen påminner om PADD i en PLU eller om en SCoT, men till skillnad från SCoT är översiktsplanen inte bindande.",
            "Its strategic role recalls the PADD of a PLU or a SCoT, but unlike the SCoT, the översiktsplan is not binding.",
        ),
        [VANERSBORG, PROP_2009_10_170],
    ),
    entry(
        "regionplan",
        SE,
        (None, "regionplan", "regional plan"),
        (
            "Plan physique régionale adoptée par la région (PBL, chapitre 7, en vigueur depuis le 1er janvier 2019). Elle est obligatoire dans les comtés de Stockholm et de Skåne, ainsi qu'en Halland selon Boverket, et facultative ailleurs ; elle oriente les plans communaux sans les lier. Malmö est dans le périmètre du regionplan de Region Skåne.",
            "Regional fysisk plan som regionen antar (PBL 7 kap., i kraft sedan den 1 januari 2019). Den är obligatorisk i Stockholms och Skåne län, och enligt Boverket även i Hallands län, och frivillig i övriga; den vägleder kommunernas planer men är inte bindande. Malmö ligger inom Region Skånes regionplan.",
            "Regional spatial plan adopted by the region (PBL chapter 7, in force since 1 January 2019). It is compulsory in Stockholm and Skåne counties, and according to Boverket also in Halland, and voluntary elsewhere; it guides municipal plans without binding them. Malmö lies within Region Skåne's plan.",
        ),
        (
            "Le SRADDET français est le plus proche, mais il est contraignant pour les documents d'urbanisme locaux et existe dans toutes les régions.",
            "Franska SRADDET ligger närmast, men den är bindande för de lokala planerna och finns i alla regioner.",
            "The French SRADDET is the nearest, but it binds local plans and exists in every region.",
        ),
        [
            BOVERKET_REGIONPLAN,
            ("Lagen.nu — Prop. 2017/18:266", "https://lagen.nu/prop/2017/18:266"),
            SKR,
        ],
    ),
    entry(
        "omradesbestammelser",
        SE,
        (None, "områdesbestämmelser", "area regulations"),
        (
            "Règles d'urbanisme que la commune peut adopter là où il n'y a pas de detaljplan, pour garantir les objectifs de l'översiktsplan ou protéger un intérêt national.",
            "Kommunala bestämmelser för ett område som saknar detaljplan, för att säkerställa översiktsplanens syfte eller tillgodose ett riksintresse.",
            "Planning rules a municipality can adopt where there is no detaljplan, to secure the aims of the översiktsplan or an area of national interest.",
        ),
        (
            "Pas d'équivalent exact en France, où les règles de chaque zone sont fixées par le PLU.",
            "Ingen exakt fransk motsvarighet; i Frankrike fastställs reglerna för varje zon i PLU:n.",
            "No exact French equivalent: in France each zone's rules are set in the PLU.",
        ),
        [
            (
                "Internetjuridik — Områdesbestämmelse",
                "https://internetjuridik.com/3113-omradesbestammelse/",
            )
        ],
    ),
    entry(
        "planbesked",
        SE,
        (None, "planbesked", "planning decision notice"),
        (
            "Réponse de la commune à quelqu'un qui demande l'élaboration ou la modification d'un detaljplan : elle dit si elle compte lancer la procédure. Introduit par la PBL de 2010 ; depuis 2021, la commune doit aussi indiquer, sur demande, quels documents de planification seront probablement nécessaires.",
            "Kommunens besked till den som vill att en detaljplan tas fram eller ändras, om kommunen avser att inleda planläggning. Infördes med PBL 2010; sedan prop. 2020/21:131 ska kommunen på begäran också ange vilka planeringsunderlag som troligen behövs.",
            "The municipality's answer to someone asking for a detailed plan to be drawn up or changed: whether it intends to start. Introduced by the 2010 PBL; since bill 2020/21:131 the municipality must also say, on request, which planning documents are likely to be needed.",
        ),
        (
            "Pas d'équivalent formel en France ; le plus proche est une demande de modification du PLU adressée à la collectivité.",
            "Ingen formell fransk motsvarighet; närmast är en begäran hos kommunen om ändring av PLU:n.",
            "No formal French equivalent; the nearest is a request to the local authority to change the PLU.",
        ),
        [PROP_2009_10_170],
    ),
    entry(
        "kommunalt-planmonopol",
        SE,
        (None, "kommunalt planmonopol", "municipal planning monopoly"),
        (
            "Principe selon lequel seule la commune peut adopter l'översiktsplan, les plans approfondis et les detaljplaner. L'État, par la länsstyrelse, n'intervient que pour des motifs précis : intérêts nationaux, protection des rives, santé et sécurité, questions intercommunales.",
            "Principen att bara kommunen får anta översiktsplan, fördjupade översiktsplaner och detaljplaner. Staten kan genom länsstyrelsen ingripa endast på vissa grunder: riksintressen, strandskydd, hälsa och säkerhet samt mellankommunala frågor.",
            "The principle that only the municipality may adopt comprehensive, in-depth and detailed plans. The State, through the länsstyrelse, may step in only on set grounds: national interests, shoreline protection, health and safety, and inter-municipal issues.",
        ),
        (
            "En France, la compétence d'urbanisme est aussi locale, mais partagée avec les EPCI et encadrée par des schémas contraignants (SCoT, SRADDET) et par l'État.",
            "I Frankrike är planeringen också lokal, men delas med EPCI och ramas in av bindande planer (SCoT, SRADDET) och av staten.",
            "In France planning is also local, but shared with EPCIs and framed by binding schemes (SCoT, SRADDET) and by the State.",
        ),
        [VANERSBORG, ("Timbro — Rapport om planmonopolet", "https://beta.timbro.se/")],
    ),
    entry(
        "strandskydd",
        SE,
        (None, "strandskydd", "shoreline protection"),
        (
            "Protection des rives prévue au chapitre 7 du miljöbalken : en principe 100 mètres de part et d'autre de la ligne de rivage, le long de la mer, des lacs et des cours d'eau, extensible à 300 mètres par la länsstyrelse. Elle garantit l'accès du public aux rives et de bonnes conditions de vie pour la faune et la flore ; des dérogations sont possibles.",
            "Skydd av stränder enligt 7 kap. miljöbalken: i regel 100 meter från strandlinjen både på land och i vattnet, vid hav, sjöar och vattendrag, och länsstyrelsen kan utvidga det till 300 meter. Syftet är allmänhetens tillgång till stränderna och goda livsvillkor för växter och djur; dispens kan ges.",
            "Protection of shores under chapter 7 of the Environmental Code: as a rule 100 metres from the shoreline, on land and into the water, at the sea, lakes and watercourses, extendable to 300 metres by the länsstyrelse. It secures public access to shores and good conditions for plant and animal life; exemptions may be granted.",
        ),
        (
            "Pas d'équivalent exact en France. Elle s'applique aussi bien au bord de la mer que des lacs et des cours d'eau, et vise d'abord le libre accès du public aux rives.",
            "Ingen exakt fransk motsvarighet. Skyddet gäller lika vid hav, sjöar och vattendrag och syftar främst till allmänhetens tillgång till stränderna.",
            "No exact French equivalent. It applies alike at the sea, lakes and watercourses, and aims first at public access to shores.",
        ),
        [("5dok — Strandskyddsregler", "https://5dok.org/"), PROP_2009_10_170],
    ),
    entry(
        "riksintresse",
        SE,
        (None, "riksintresse", "area of national interest"),
        (
            "Zone désignée au titre des chapitres 3 et 4 du miljöbalken pour un intérêt national (protection de la nature, patrimoine culturel, loisirs de plein air, infrastructures, côtes). Les översiktsplaner et les regionplaner doivent en tenir compte, et la länsstyrelse le vérifie lors du contrôle des plans.",
            "Område som pekats ut enligt 3–4 kap. miljöbalken för ett nationellt intresse (naturvård, kulturmiljö, friluftsliv, infrastruktur, kust). Översiktsplaner och regionplaner ska tillgodose dem, och länsstyrelsen bevakar det i sin granskning.",
            "Area designated under chapters 3–4 of the Environmental Code for a national interest (nature conservation, cultural heritage, outdoor recreation, infrastructure, coasts). Comprehensive and regional plans must secure them, and the länsstyrelse checks this in its review.",
        ),
        (
            "Pas d'équivalent unique en France, où les intérêts de l'État s'imposent aux plans par d'autres outils.",
            "Ingen enskild fransk motsvarighet; i Frankrike hävdas statens intressen i planeringen med andra verktyg.",
            "No single French equivalent; the French State asserts its interests in plans through other tools.",
        ),
        [SKR, PROP_2009_10_170],
    ),
    entry(
        "samrad",
        SE,
        (None, "samråd", "consultation"),
        (
            "Première étape obligatoire de l'élaboration d'un plan au titre de la PBL. Pour un detaljplan, la commune consulte toujours la länsstyrelse, l'autorité du cadastre et les communes concernées ; les propriétaires, locataires, habitants et autres intéressés doivent pouvoir donner leur avis. L'étape se termine par un compte rendu de la consultation (samrådsredogörelse).",
            "Det första obligatoriska steget när en plan tas fram enligt PBL. För en detaljplan ska kommunen alltid samråda med länsstyrelsen, lantmäterimyndigheten och berörda kommuner, och kända fastighetsägare, hyresgäster, boende och andra med väsentligt intresse ska få lämna synpunkter. Steget avslutas med en samrådsredogörelse.",
            "The first statutory stage of plan-making under the PBL. For a detaljplan the municipality always consults the länsstyrelse, the cadastral authority and affected municipalities, and known owners, tenants, residents and others with a substantial interest must be able to comment. It ends with a consultation report (samrådsredogörelse).",
        ),
        (
            "La concertation préalable française est la plus proche, mais le samråd fait partie de chaque procédure de plan, sans garant extérieur, et sa durée n'est pas fixée par la loi dans la procédure standard.",
            "Franska concertation préalable ligger närmast, men samrådet ingår i varje planprocess, utan extern garant, och dess längd är inte lagstadgad i standardförfarandet.",
            "The French concertation préalable is the nearest, but samråd is part of every plan procedure, has no outside guarantor, and its length is not set by law in the standard procedure.",
        ),
        [BOVERKET_DP, DANDERYD],
    ),
    entry(
        "granskning",
        SE,
        (None, "granskning", "review stage"),
        (
            "Deuxième étape obligatoire d'un detaljplan : la commune annonce la proposition révisée et la met à disposition pour recueillir des observations, souvent pendant trois semaines. Elle se conclut par un avis de la commune sur les observations (granskningsutlåtande).",
            "Det andra obligatoriska steget i en detaljplan: kommunen underrättar om det reviderade förslaget och håller det tillgängligt för synpunkter, ofta i tre veckor. Steget avslutas med ett granskningsutlåtande.",
            "The second statutory stage of a detaljplan: the municipality announces the revised proposal and makes it available for comments, often for three weeks. It ends with a review statement (granskningsutlåtande).",
        ),
        (
            "L'enquête publique française joue un rôle voisin, mais elle est conduite par un commissaire enquêteur indépendant, alors que la granskning est menée par la commune elle-même.",
            "Franska enquête publique fyller en liknande roll, men den leds av en oberoende utredare, medan granskningen sköts av kommunen själv.",
            "The French enquête publique plays a similar role, but an independent commissioner conducts it, whereas the municipality runs the granskning itself.",
        ),
        [("Östhammars kommun — Samråd och granskning", "https://osthammar.se/"), BOVERKET_DP],
    ),
    entry(
        "medborgardialog",
        SE,
        (None, "medborgardialog", "citizen dialogue"),
        (
            "Démarche non obligatoire par laquelle une commune associe les habitants à ses choix, promue par SKR (Sveriges Kommuner och Regioner) depuis 2006 avec des modèles comme la carte de gouvernance (styrkarta), le dialogue sur les questions complexes et le budget participatif.",
            "Frivilligt arbetssätt där kommunen involverar invånarna i sina beslut, som SKR främjar sedan 2006 med modeller som styrkartan, dialog i komplexa frågor och medborgarbudget.",
            "Non-statutory practice in which a municipality involves residents in its decisions, promoted by SKR (the Swedish Association of Local Authorities and Regions) since 2006 with models such as the governance map, dialogue on complex issues and participatory budgeting.",
        ),
        (
            "En France, la concertation et la démocratie participative en sont proches ; dans les deux pays, ces démarches vont au-delà de la consultation obligatoire sur les plans.",
            "I Frankrike ligger concertation och démocratie participative nära; i båda länderna går arbetssätten längre än det lagstadgade samrådet om planer.",
            "In France concertation and démocratie participative come close; in both countries these practices go beyond the statutory consultation on plans.",
        ),
        [SKR],
    ),
    entry(
        "trygghetsvandring",
        SE,
        (None, "trygghetsvandring", "safety walk"),
        (
            "Parcours à pied dans un quartier pour repérer, avec les habitants, ce qui rend les lieux sûrs ou inquiétants, souvent avec un regard sur l'égalité femmes-hommes. La méthode vient du conseil de prévention de la délinquance de Göteborg ; Boverket, Tryggare Mänskligare Göteborg et Brå en ont publié deux guides en 2010. Elle réunit commune, police, bailleurs et habitants.",
            "En promenad genom ett område där man tillsammans med de boende ser vad som gör platsen trygg eller otrygg, ofta med jämställdhetsperspektiv. Metoden kommer från Göteborgs brottsförebyggande råd Tryggare Mänskligare Göteborg; Boverket, Tryggare Mänskligare Göteborg och Brå gav 2010 ut två vägledningar. Kommun, polis, bostadsbolag och boende deltar.",
            "A walk through a neighbourhood to find, with residents, what makes places feel safe or unsafe, often with a gender-equality lens. The method comes from Gothenburg's crime-prevention council, Tryggare Mänskligare Göteborg; Boverket, Tryggare Mänskligare Göteborg and Brå published two guides in 2010. Municipality, police, housing companies and residents take part.",
        ),
        (
            "Pas de terme exact en français. La marche exploratoire semble une démarche voisine, mais la comparaison n'a pas encore été vérifiée.",
            "Ingen exakt fransk term. Marche exploratoire verkar vara ett närliggande arbetssätt, men jämförelsen är ännu inte kontrollerad.",
            "No exact French term. The marche exploratoire seems a related practice, but the comparison has not been checked yet.",
        ),
        [
            (
                "Brå — Nya skrifter om trygghetsvandringar (2010)",
                "https://bra.se/nytt-fran-bra/arkiv/nyheter/2010-10-06-nya-skrifter-om-trygghetsvandringar.html",
            )
        ],
    ),
    entry(
        "allmannyttan",
        SE,
        (None, "allmännyttan", "municipal public housing companies"),
        (
            "Les sociétés de logement contrôlées par une ou plusieurs communes qui, dans l'intérêt général, gèrent surtout des logements locatifs, favorisent l'offre de logements dans la commune et donnent de l'influence aux locataires (loi 2010:879, en vigueur depuis 2011). Elles doivent fonctionner selon des principes commerciaux et dégager un rendement conforme au marché.",
            "Bostadsaktiebolag som ägs av en eller flera kommuner och som i allmännyttigt syfte främst förvaltar hyresrätter, främjar bostadsförsörjningen i kommunen och ger hyresgästerna inflytande (lag 2010:879, i kraft sedan 2011). De ska drivas enligt affärsmässiga principer med marknadsmässig avkastning.",
            "Housing companies controlled by one or more municipalities that, in the public interest, mainly manage rental housing, promote housing supply in the municipality and give tenants influence (Act 2010:879, in force since 2011). They must run on businesslike principles with a market return.",
        ),
        (
            "Le plus proche en France est le bailleur social (OPH, HLM), mais l'allmännyttan loue à tous, sans plafond de ressources.",
            "Närmast i Frankrike är bailleur social (OPH, HLM), men allmännyttan hyr ut till alla, utan inkomsttak.",
            "The nearest in France is the social landlord (OPH, HLM), but allmännyttan rents to everyone, with no income ceilings.",
        ),
        [
            (
                "Riksdagen — Lag (2010:879) om allmännyttiga kommunala bostadsaktiebolag",
                "https://riksdagen.se/",
            ),
            ("Wikipedia — Allmännyttan", "https://sv.wikipedia.org/wiki/Allm%C3%A4nnyttan"),
            SKR,
        ],
    ),
    entry(
        "lansstyrelse",
        SE,
        (None, "länsstyrelse", "County Administrative Board"),
        (
            "Représentation de l'État dans chaque comté (län), dirigée par un gouverneur (landshövding) nommé par le gouvernement. En urbanisme, elle contrôle les plans des communes (intérêts nationaux, protection des rives, santé et sécurité, questions intercommunales) et peut annuler un detaljplan.",
            "Statens företrädare i varje län, ledd av en landshövding som regeringen utser. Inom planeringen granskar länsstyrelsen kommunernas planer (riksintressen, strandskydd, hälsa och säkerhet, mellankommunala frågor) och kan upphäva en detaljplan.",
            "The State's office in each county (län), headed by a governor (landshövding) appointed by the government. In planning it reviews municipal plans (national interests, shoreline protection, health and safety, inter-municipal issues) and can overturn a detaljplan.",
        ),
        (
            "Elle réunit des rôles qu'en France se partagent la préfecture et la DREAL.",
            "Den samlar roller som i Frankrike delas mellan prefekturen och DREAL.",
            "It combines roles that France splits between the prefecture and the DREAL.",
        ),
        [
            (
                "Docplayer — Lagrådsremiss Fler steg för en effektivare plan- och bygglag (2017)",
                "https://docplayer.se/",
            ),
            ("Riksrevisionen — Klimatklivet", "https://riksrevisionen.se/"),
        ],
    ),
    entry(
        "boverket",
        SE,
        ("Boverket", "Boverket", "National Board of Housing, Building and Planning"),
        (
            "Agence nationale suédoise du logement, de la construction et de l'urbanisme : elle publie les guides d'application de la PBL (PBL kunskapsbanken) et les règles de construction (BBR), et surveille les energideklarationer.",
            "Statlig myndighet för samhällsplanering, byggande och boende som ger vägledning om PBL (PBL kunskapsbanken), tar fram byggreglerna (BBR) och är tillsynsmyndighet för energideklarationer.",
            "Swedish national agency for planning, building and housing: it publishes guidance on the PBL (PBL kunskapsbanken) and the building regulations (BBR), and supervises energy performance certificates.",
        ),
        (
            "",
            "",
            "",
        ),
        [
            (
                "Boverket — PBL kunskapsbanken",
                "https://boverket.se/sv/PBL-kunskapsbanken/planering/detaljplan/detaljplaneprocessen/standardforfarande/processen-i-korthet/",
            ),
            ("FAR Online — Förordning (2006:1592)", "https://faronline.se/"),
        ],
    ),
    entry(
        "exploateringsavtal",
        SE,
        (None, "exploateringsavtal", "developer agreement"),
        (
            "Accord entre la commune et un promoteur ou un propriétaire foncier sur la réalisation et le financement des rues, espaces publics, réseaux d'eau et d'assainissement nécessaires à un detaljplan (PBL, chapitre 6, art. 39 à 42). La part du promoteur doit être proportionnée à son avantage ; les communes qui y recourent doivent adopter des lignes directrices depuis 2015. Malmö l'utilise quand le promoteur possède le terrain.",
            "Avtal mellan kommunen och en byggherre eller fastighetsägare om att bygga och bekosta gator, allmänna platser, vatten och avlopp med mera som behövs för att genomföra en detaljplan (PBL 6 kap. 39–42 §§). Byggherrens andel ska stå i rimligt förhållande till nyttan, och kommuner som använder avtalen ska sedan 2015 ha riktlinjer. Malmö använder dem när byggherren äger marken.",
            "Agreement between the municipality and a developer or landowner on building and paying for streets, public spaces, water and sewerage and other works needed to implement a detaljplan (PBL chapter 6, sections 39–42). The developer's share must be in reasonable proportion to the benefit, and municipalities using such agreements must have guidelines since 2015. Malmö uses them when the developer owns the land.",
        ),
        (
            "Pas d'équivalent exact en France. La comparaison avec la participation des constructeurs dans une ZAC ou avec le projet urbain partenarial (PUP) n'a pas encore été vérifiée.",
            "Ingen exakt fransk motsvarighet. Jämförelsen med byggherrarnas bidrag i en ZAC eller med projet urbain partenarial (PUP) är ännu inte kontrollerad.",
            "No exact French equivalent. The comparison with developers' contributions in a ZAC or with the projet urbain partenarial (PUP) has not been checked yet.",
        ),
        [
            ("Boverket — Exploateringsavtal", "https://boverket.se/"),
            ("Malmö stad — Exploatera på privat mark", "https://malmo.se/"),
        ],
    ),
    entry(
        "markanvisning",
        SE,
        (None, "markanvisning", "land allocation"),
        (
            "Accord donnant à un promoteur, pour une durée limitée, le droit exclusif de négocier l'achat ou la location d'un terrain communal pour y construire. Depuis la loi 2014:899 (en vigueur en 2015), les communes qui attribuent ainsi leurs terrains doivent adopter des lignes directrices (objectifs, procédures, conditions, principes de prix).",
            "Avtal som ger en byggherre ensamrätt att under en begränsad tid förhandla om köp eller upplåtelse av kommunal mark för bebyggelse. Enligt lag (2014:899), i kraft sedan 2015, ska kommuner som gör markanvisningar ha riktlinjer (mål, handläggning, villkor, principer för prissättning).",
            "Agreement giving a developer, for a limited time, the exclusive right to negotiate buying or leasing municipal land for building. Under Act 2014:899, in force since 2015, municipalities that allocate land must have guidelines (aims, procedures, conditions, pricing principles).",
        ),
        (
            "Pas d'équivalent exact en France, où la cession de terrains publics passe par d'autres procédures, par exemple au sein d'une ZAC.",
            "Ingen exakt fransk motsvarighet; i Frankrike överlåts offentlig mark genom andra förfaranden, till exempel inom en ZAC.",
            "No exact French equivalent: public land is sold through other procedures in France, for example within a ZAC.",
        ),
        [
            (
                "Riksdagen — Lag (2014:899) om riktlinjer för kommunala markanvisningar",
                "https://riksdagen.se/",
            )
        ],
    ),
    entry(
        "klimatkontrakt-2030",
        SE,
        (None, "Klimatkontrakt 2030", "Climate City Contract 2030 (Sweden)"),
        (
            "Contrat entre une commune, des agences de l'État (Vinnova, Energimyndigheten, Formas, Tillväxtverket, puis d'autres) et le programme Viable Cities pour aller vers la neutralité climatique. Signé pour la première fois le 11 décembre 2020 par neuf communes dont Göteborg, Malmö et Umeå, puis élargi le 8 décembre 2021 notamment à Borås et Linköping : les cinq villes suédoises de l'Alliance en sont signataires. Il est révisé chaque année.",
            "Kontrakt mellan en kommun, statliga myndigheter (Vinnova, Energimyndigheten, Formas, Tillväxtverket och senare fler) och Viable Cities för omställningen till klimatneutralitet. Det undertecknades första gången den 11 december 2020 av nio kommuner, bland dem Göteborg, Malmö och Umeå, och utökades den 8 december 2021 med bland andra Borås och Linköping: alla fem svenska städer i Alliansen har undertecknat. Det revideras varje år.",
            "Contract between a municipality, State agencies (Vinnova, Energimyndigheten, Formas, Tillväxtverket, later others) and the Viable Cities programme for the move to climate neutrality. First signed on 11 December 2020 by nine municipalities including Gothenburg, Malmö and Umeå, and widened on 8 December 2021 to others including Borås and Linköping: all five Swedish Alliance cities have signed. It is revised every year.",
        ),
        (
            "C'est un dispositif national suédois. Il a inspiré le contrat de ville climatique (Climate City Contract) que rédige chaque ville de la Mission européenne pour des villes neutres pour le climat.",
            "Det är ett svenskt nationellt verktyg. Det har inspirerat det klimatkontrakt (Climate City Contract) som varje stad i EU:s uppdrag om klimatneutrala städer tar fram.",
            "It is a Swedish national tool. It inspired the Climate City Contract that each city of the EU mission for climate-neutral cities draws up.",
        ),
        [KLIMATKONTRAKT, VINNOVA_2020],
    ),
]


def add_entries(apps, schema_editor):
    GlossaryEntry = apps.get_model("languages", "GlossaryEntry")
    GlossaryEntry.objects.bulk_create(
        GlossaryEntry(**fields, state="published") for fields in ENTRIES
    )


def remove_entries(apps, schema_editor):
    apps.get_model("languages", "GlossaryEntry").objects.filter(
        slug__in=[fields["slug"] for fields in ENTRIES], corrects__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("languages", "0001_glossary")]

    operations = [migrations.RunPython(add_entries, remove_entries)]
