"""Translations of the example funding calls (funding/demo.py) into the two other languages,
for `make run` only: most written by demo members who read both languages, a few machine
translations reviewed by such a member. Every translated title or summary still says that the
call is an example."""

from accounts.models import User
from languages.demo import Version, human, machine, save_demo_translations

from .demo import HORIZON_SLUG, NNBSP, URBACT_SLUG
from .models import FundingCall

CLAIRE = "coordinator@demo.alliance.example"
ANNE = "anne.le-gall@demo.alliance.example"
YANN = "yann.guillou@demo.alliance.example"
SOFIA = "sofia.lindqvist@demo.alliance.example"
ELIN = "elin.berg@demo.alliance.example"
JOHAN = "johan.nilsson@demo.alliance.example"
LUCAS = "lucas.martin@demo.alliance.example"
LARS = "lars.eriksson@demo.alliance.example"

NB = NNBSP  # the narrow no-break space of French typography

# By call slug, then target language.
TRANSLATIONS: dict[str, dict[str, Version]] = {
    URBACT_SLUG: {
        "fr": human(
            ANNE,
            title=(
                f"Exemple d'appel{NB}: réseaux de planification d'actions URBACT sur des espaces "
                "publics pour les usages de tous"
            ),
            summary=(
                "Un exemple pour la démonstration du portail, pas un véritable appel. Il reprend "
                f"la forme des appels URBACT à réseaux de planification d'actions{NB}: 8 à 10 "
                "villes, dont l'une est cheffe de file, élaborent en deux ans et demi environ un "
                "plan d'action intégré, chacune avec un groupe local d'habitants et d'acteurs du "
                f"territoire (un groupe local URBACT). Le thème de l'exemple{NB}: des espaces "
                "publics qui permettent les usages de tous et la polyvalence, conçus et testés "
                "avec celles et ceux qui les fréquentent, avec une attention au genre et à l'âge. "
                "Les véritables appels sont sur le site officiel d'URBACT."
            ),
            eligibility=(
                "Villes et autres autorités urbaines des 27 États membres de l'Union "
                f"européenne, de Norvège, de Suisse et des pays IPA{NB}; un réseau de 8 à 10 "
                "partenaires mené par une ville, chacun constituant un groupe local URBACT. "
                "Chiffres indicatifs, tirés de l'appel 2023 à réseaux de planification "
                f"d'actions{NB}: jusqu'à 850{NB}000{NB}€ par réseau, avec un taux de cofinancement "
                f"FEDER de 50 à 95{NB}% selon le pays du partenaire. Vérifiez l'appel officiel "
                "avant de candidater."
            ),
        ),
        "sv": human(
            ELIN,
            title=(
                "Exempel på utlysning: URBACT-nätverk för handlingsplaner om offentliga rum för "
                "allas användning"
            ),
            summary=(
                "Ett exempel för portalens demo, inte en verklig utlysning. Det följer URBACT:s "
                "utlysningar av Action Planning Networks: 8 till 10 städer, med en av dem som "
                "ledare, tar under ungefär två och ett halvt år fram en integrerad handlingsplan, "
                "var och en med en lokal grupp av invånare och aktörer (en URBACT Local Group). "
                "Exemplets tema: offentliga rum som fungerar för alla och för många olika "
                "användningar, utformade och prövade tillsammans med dem som använder dem, med "
                "hänsyn till kön och ålder. De verkliga utlysningarna finns på URBACT:s "
                "officiella webbplats."
            ),
            eligibility=(
                "Städer och andra urbana myndigheter i EU:s 27 medlemsländer, Norge, Schweiz och "
                "IPA-länderna; ett nätverk med 8 till 10 partner under ledning av en stad, där "
                "varje partner bildar en URBACT Local Group. Vägledande siffror från 2023 års "
                "utlysning av Action Planning Networks: upp till 850 000 euro per nätverk, med "
                "en medfinansiering från Europeiska regionala utvecklingsfonden på 50–95 procent "
                "beroende på partnerns land. Kontrollera den officiella utlysningen innan ni "
                "ansöker."
            ),
        ),
    },
    HORIZON_SLUG: {
        "fr": human(
            YANN,
            title=(
                f"Exemple d'appel{NB}: Mission villes – rénover des quartiers vers la neutralité "
                "climatique"
            ),
            summary=(
                "Un exemple pour la démonstration du portail, pas un véritable appel. Il est "
                "rédigé comme un sujet Horizon Europe de la mission de l'Union européenne "
                f"«{NB}100 villes neutres pour le climat et intelligentes d'ici à 2030{NB}»{NB}: une "
                "action d'innovation dans laquelle des villes démontrent, à l'échelle d'un "
                "quartier, la rénovation énergétique globale de bâtiments existants, associée à "
                "la construction circulaire et à la participation des habitants, et transmettent "
                f"ce qu'elles apprennent à d'autres villes. Deux étapes{NB}: une proposition "
                "courte, puis une proposition complète. Les véritables sujets sont sur la page "
                "officielle de la mission."
            ),
            eligibility=(
                "Toute entité juridique peut participer, y compris les autorités publiques et "
                "les villes. Un consortium d'au moins trois entités indépendantes de trois États "
                "membres ou pays associés différents, dont au moins une dans un État membre. "
                f"Une action d'innovation finance 100{NB}% des coûts éligibles des entités sans "
                f"but lucratif comme les communes, 70{NB}% de ceux des entreprises. Budget "
                f"indicatif de l'exemple{NB}: 30 millions d'euros, environ 10 millions par projet."
            ),
        ),
        "sv": human(
            JOHAN,
            title="Exempel på utlysning: EU:s stadsuppdrag – renovera stadsdelar mot klimatneutralitet",
            summary=(
                "Ett exempel för portalens demo, inte en verklig utlysning. Det är skrivet som "
                "ett ämne i Horizon Europe inom EU-uppdraget för 100 klimatneutrala och smarta "
                "städer till 2030: en innovationsåtgärd där städer i en hel stadsdel visar hur "
                "befintliga byggnader kan energirenoveras på djupet, tillsammans med cirkulärt "
                "byggande och de boendes delaktighet, och för vidare det de lär sig till andra "
                "städer. Två steg: först en kort ansökan, sedan en fullständig. De verkliga "
                "ämnena finns på uppdragets officiella sida."
            ),
            eligibility=(
                "Alla juridiska personer kan delta, även offentliga myndigheter och kommuner. "
                "Ett konsortium med minst tre oberoende aktörer från tre olika medlemsländer "
                "eller associerade länder, minst en av dem i ett medlemsland. En "
                "innovationsåtgärd finansierar 100 procent av de stödberättigande kostnaderna "
                "för icke-vinstdrivande aktörer som kommuner och 70 procent för företag. "
                "Vägledande budget för exemplet: 30 miljoner euro, ungefär 10 miljoner per "
                "projekt."
            ),
        ),
    },
    "life-example-adaptation-nature-based-solutions": {
        "en": human(
            LUCAS,
            title="Example call: LIFE – adapting to climate change with nature-based solutions",
            summary=(
                "An example for the portal's demo, not a real call. It takes the form of the "
                "standard action projects of the climate change adaptation strand of the LIFE "
                "programme: cities put nature-based solutions in place (schoolyards and squares "
                "with the asphalt taken up, cool islands, rainwater managed in the open) and "
                "measure their effects on heat and flooding, especially for the residents most "
                "exposed. The real calls are on the LIFE programme's official page."
            ),
            eligibility=(
                "Public and private entities established in an EU Member State or a country "
                "associated with LIFE; local and regional authorities are very welcome. An "
                "indicative co-funding rate of 60% of eligible costs, that of LIFE standard "
                "action projects: check it in the call document. Indicative budget, for the "
                "example: €40 million."
            ),
        ),
        "sv": machine(
            CLAIRE,
            title=(
                "Exempel på utlysning: LIFE – anpassning till klimatförändringar med naturbaserade "
                "lösningar"
            ),
            summary=(
                "Ett exempel för portalens demo, inte en verklig utlysning. Det har samma form "
                "som standardprojekten inom LIFE-programmets del för klimatanpassning: städer "
                "genomför naturbaserade lösningar (skolgårdar och torg där asfalten tas bort, "
                "svala platser, öppen dagvattenhantering) och mäter hur de påverkar värme och "
                "översvämningar, särskilt för de invånare som är mest utsatta. De verkliga "
                "utlysningarna finns på LIFE-programmets officiella sida."
            ),
            eligibility=(
                "Offentliga och privata aktörer i ett EU-land eller ett land som är associerat "
                "till LIFE; kommuner och regioner är mycket välkomna. Vägledande "
                "medfinansiering på 60 procent av de stödberättigande kostnaderna, samma som för "
                "LIFE:s standardprojekt: kontrollera i utlysningstexten. Vägledande budget för "
                "exemplet: 40 miljoner euro."
            ),
        ),
    },
    "eui-example-innovative-actions": {
        "fr": machine(
            ANNE,
            title=(
                f"Exemple d'appel{NB}: Initiative urbaine européenne – actions innovantes pour le "
                "logement dans les centres-villes"
            ),
            summary=(
                "Un exemple pour la démonstration du portail, pas un véritable appel, et pas "
                "encore ouvert. Il est rédigé comme les appels à actions innovantes de "
                "l'Initiative urbaine européenne, qui succèdent aux Actions innovatrices "
                f"urbaines (UIA){NB}: une autorité urbaine teste en grandeur réelle une solution "
                "nouvelle dans son propre contexte – ici, des logements abordables et économes "
                "en énergie dans les centres-villes, au service de l'inclusion sociale. Les "
                "projets durent jusqu'à trois ans et demi. Les véritables appels sont sur le "
                "site officiel de l'Initiative."
            ),
            eligibility=(
                f"Une autorité urbaine d'au moins 25{NB}000 habitants (le seuil du quatrième "
                f"appel{NB}; 50{NB}000 pour les appels 1 à 3), ou une association ou un groupement "
                "d'autorités urbaines atteignant ensemble cette taille, qui peut associer des "
                f"partenaires de mise en œuvre. Le FEDER cofinance 80{NB}% des coûts éligibles, "
                "l'autorité urbaine et ses partenaires le reste. Chiffres indicatifs de "
                f"l'exemple{NB}: jusqu'à 5 millions d'euros par projet (2 millions au quatrième "
                "appel), 90 millions au total."
            ),
        ),
        "sv": human(
            SOFIA,
            title=(
                "Exempel på utlysning: Europeiska stadsinitiativet – innovativa åtgärder för "
                "bostäder i stadskärnor"
            ),
            summary=(
                "Ett exempel för portalens demo, inte en verklig utlysning, och den har inte "
                "öppnat ännu. Den är skriven som Europeiska stadsinitiativets utlysningar av "
                "innovativa åtgärder, som tog över efter Urban Innovative Actions: en urban "
                "myndighet prövar i full skala en lösning som är ny i det egna sammanhanget – "
                "här prisvärda och energieffektiva bostäder i stadskärnor, med social "
                "inkludering i centrum. Projekten pågår i upp till tre och ett halvt år. De "
                "verkliga utlysningarna finns på initiativets officiella webbplats."
            ),
            eligibility=(
                "En urban myndighet med minst 25 000 invånare (gränsen i den fjärde "
                "utlysningen; 50 000 i utlysning 1–3), eller en sammanslutning av urbana "
                "myndigheter som tillsammans når den storleken; den kan ta med partner som "
                "genomför delar av projektet. Europeiska regionala utvecklingsfonden står för "
                "80 procent av de stödberättigande kostnaderna, den urbana myndigheten och dess "
                "partner för resten. Vägledande siffror för exemplet: upp till 5 miljoner euro "
                "per projekt (2 miljoner i den fjärde utlysningen), 90 miljoner totalt."
            ),
        ),
    },
    "interreg-europe-example-rural-development": {
        "fr": human(
            YANN,
            title=(
                f"Exemple d'appel{NB}: Interreg Europe – coopération interrégionale pour un "
                "développement rural sans étalement"
            ),
            summary=(
                "Un exemple pour la démonstration du portail, pas un véritable appel, et déjà "
                f"clos{NB}: il montre à quoi ressemble un appel passé. Il est rédigé comme les "
                f"appels d'Interreg Europe à projets de coopération interrégionale{NB}: des "
                "autorités publiques de plusieurs pays échangent leurs expériences pendant trois "
                "ans pour améliorer leurs politiques régionales, puis suivent les résultats une "
                f"quatrième année. Le thème de l'exemple{NB}: un développement rural alternatif à "
                "l'étalement, et des déplacements durables dans les territoires ruraux. Les "
                "véritables appels sont sur le site officiel d'Interreg Europe."
            ),
            eligibility=(
                "Autorités publiques et organismes privés sans but lucratif des 27 États membres "
                f"de l'Union européenne, de Norvège et de Suisse{NB}; des partenaires d'au moins "
                f"trois pays. Cofinancement FEDER jusqu'à 80{NB}% pour les organismes publics et "
                f"70{NB}% pour les organismes privés sans but lucratif. Budget indicatif de "
                f"l'exemple{NB}: 130 millions d'euros, la taille du premier appel du programme."
            ),
        ),
        "sv": machine(
            LARS,
            title=(
                "Exempel på utlysning: Interreg Europe – interregionalt samarbete om "
                "landsbygdsutveckling utan utspridd bebyggelse"
            ),
            summary=(
                "Ett exempel för portalens demo, inte en verklig utlysning, och den har redan "
                "stängt: den visar hur en tidigare utlysning ser ut. Den är skriven som Interreg "
                "Europes utlysningar av interregionala samarbetsprojekt: offentliga myndigheter "
                "från flera länder utbyter erfarenheter i tre år för att förbättra sin "
                "regionala politik och följer sedan upp resultaten under ett fjärde år. "
                "Exemplets tema: landsbygdsutveckling utan utspridd bebyggelse och hållbara "
                "resor på landsbygden. De verkliga utlysningarna finns på Interreg Europes "
                "officiella webbplats."
            ),
            eligibility=(
                "Offentliga myndigheter och privata icke-vinstdrivande organisationer i EU:s 27 "
                "medlemsländer, Norge och Schweiz; partner från minst tre länder. "
                "Medfinansiering från Europeiska regionala utvecklingsfonden med upp till 80 "
                "procent för offentliga organ och 70 procent för privata icke-vinstdrivande "
                "organisationer. Vägledande budget för exemplet: 130 miljoner euro, lika mycket "
                "som programmets första utlysning."
            ),
        ),
    },
    "vinnova-example-planning-grant-eu-proposal": {
        "en": human(
            JOHAN,
            title="Example call: Vinnova – planning grant to prepare an EU proposal",
            summary=(
                "An example for the portal's demo, not a real call. It follows Vinnova's "
                "planning grants for international proposals: Swedish organisations, "
                "municipalities included, can get support to build a consortium and write a "
                "proposal to an EU programme such as Horizon Europe. The real calls are on "
                "Vinnova's official website."
            ),
            eligibility=(
                "For Swedish organisations only: companies, public bodies such as "
                "municipalities, and research organisations. Up to SEK 300,000 as a participant "
                "and SEK 500,000 as coordinator, at most 80% of the costs. A coordinator's "
                "proposal needs at least three organisations from three countries. The figures "
                "come from an earlier call and are only indicative."
            ),
        ),
        "fr": human(
            ELIN,
            title=(
                f"Exemple d'appel{NB}: Vinnova – aide à la préparation d'une candidature européenne"
            ),
            summary=(
                "Un exemple pour la démonstration du portail, pas un véritable appel. Il suit "
                "l'aide de Vinnova à la préparation des candidatures internationales "
                f"(planeringsbidrag){NB}: les acteurs suédois, communes comprises, peuvent être "
                "aidés pour monter un consortium et rédiger une candidature à un programme "
                "européen comme Horizon Europe. Les véritables appels sont sur le site officiel "
                "de Vinnova."
            ),
            eligibility=(
                f"Réservé aux acteurs suédois{NB}: entreprises, acteurs publics comme les "
                f"communes, organismes de recherche. Jusqu'à 300{NB}000 couronnes comme "
                f"participant et 500{NB}000 couronnes comme coordinateur, dans la limite de "
                f"80{NB}% des coûts. Une candidature coordonnée réunit au moins trois acteurs de "
                "trois pays. Les chiffres viennent d'un appel précédent et ne sont "
                "qu'indicatifs."
            ),
        ),
    },
}


def load_call_translations() -> None:
    """Translate the example calls (after ``load_calls``), once per language: a call already
    translated into a language is left as it is."""
    users = {
        user.email: user for user in User.objects.filter(email__endswith="@demo.alliance.example")
    }
    for call in FundingCall.objects.filter(slug__in=TRANSLATIONS, is_example=True):
        save_demo_translations(call, TRANSLATIONS[call.slug], users)
