"""Demo content of the listening guide: Miles Davis, *Ascenseur pour l'échafaud* (1958).

All prose here is original writing for this guide, composed from the checked facts in
``shared/CONTENT.md`` (with their sources and confidence marks). Facts marked there as
moderately sure are given with light attribution; unconfirmed points and conflicting accounts
are flagged as such in the text. Quotations are only the short, attributed ones that sheet
allows. No sentence is copied from a source.

About the cues: the guide's demo audio is synthesised (a D minor / C7 vamp on muted trumpet,
tenor, piano, bass and brushes). A music cue's ``performers`` names who plays in that demo
arrangement at that moment, always drawn from the track's credited personnel; the commentary
never claims that a particular musical event happens at that moment of the 1957 recording.

Plain text only: one string per paragraph, ``*Title*`` for italics, nothing else.
"""

# ---------------------------------------------------------------------------
# Short source citations used on cues
# ---------------------------------------------------------------------------

VIAN = "Boris Vian, liner notes to Fontana 660.213 MR (1958)"
LOSIN = "Peter Losin, Miles Davis session discography"
MICHELOT = "Pierre Michelot, interview (1988)"
MALLE = "Louis Malle, interview (in French)"
LETERRIER = "François Leterrier, recollection of the session"
AUTOBIO = "Miles Davis with Quincy Troupe, Miles: The Autobiography (1989)"
JOHNSON = "Phil Johnson, critic, on the score"
FILM = "Ascenseur pour l'échafaud, dir. Louis Malle (film, 1958)"
LP = "Fontana 660.213 MR, original LP (1958)"
CD = "Fontana CD 836 305 (the LP plus all studio takes)"
JAZZ_TRACK = "Columbia CL 1268, Jazz Track (1959)"
DECCA = "Decca reissues of the complete session (2018, 2024)"
LABEL = "Record-label reissue notes"
REFERENCE = "Encyclopedia and film-reference entries"
BIOGRAPHIES = "Standard biographical references"

QUINTET = ["miles-davis", "barney-wilen", "rene-urtreger", "pierre-michelot", "kenny-clarke"]
NO_TENOR = ["miles-davis", "rene-urtreger", "pierre-michelot", "kenny-clarke"]


# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------

PEOPLE: list[dict] = [
    {
        "slug": "miles-davis",
        "name": "Miles Davis",
        "role": "Trumpet",
        "kind": "musician",
        "voice": "trumpet",
        "born": "1926",
        "died": "1991",
        "nationality": "American",
        "biography": [
            "Miles Davis was thirty-one and one of the most closely followed musicians in jazz when he "
            "came to Paris in late 1957, without his American band, to play with local musicians. He "
            "had known the city since 1949. In November he worked at the Club Saint-Germain with the "
            "four men heard on this record, played the Olympia with them on 30 November, and on "
            "7 December, two days after the film session, the same quintet was filmed for French "
            "television.",
            "How he came to score Louis Malle's first feature is told in several ways. The account "
            "most often given credits Jean-Paul Rappeneau with suggesting him; others name Juliette "
            "Gréco, Boris Vian or Marcel Romano. The sources do not settle the question, and this "
            "guide does not pretend to.",
            "In his autobiography Davis said he \u201cwould look at the rushes of the film and get musical "
            "ideas\u201d, and he remembered the studio as \u201ca very gloomy, dark building\u201d. The score he "
            "improvised there in one night is widely heard as a first step toward the modal approach "
            "of *Kind of Blue*, recorded in 1959.",
        ],
    },
    {
        "slug": "barney-wilen",
        "name": "Barney Wilen",
        "role": "Tenor saxophone",
        "kind": "musician",
        "voice": "tenor",
        "born": "1937",
        "died": "1996",
        "nationality": "French",
        "biography": [
            "Barney Wilen was twenty, the youngest musician at the session, and already a regular on "
            "the Paris club scene. He was born in Nice; according to biographical sources his father "
            "was American, one reason why the often-repeated line about Kenny Clarke "
            "being the only American in the band does not hold.",
            "On the LP he plays on five of the ten tracks: *Générique*, *Sur l'autoroute*, *Florence "
            "sur les Champs-Élysées*, *Évasion de Julien* and *Au bar du Petit Bac*, according to the "
            "session discography. He is absent from *L'Assassinat de Carala*, *Julien dans "
            "l'ascenseur* and *Chez le photographe du motel*, and from the two small-group tracks, "
            "*Dîner au motel* and *Visite du vigile*.",
            "Film work followed. He went on to record with Art Blakey's Jazz "
            "Messengers for Roger Vadim's *Les Liaisons dangereuses 1960*, another French film that "
            "turned to modern jazz for its sound.",
        ],
    },
    {
        "slug": "rene-urtreger",
        "name": "René Urtreger",
        "role": "Piano",
        "kind": "musician",
        "voice": "piano",
        "born": "1934",
        "died": "",
        "nationality": "French",
        "biography": [
            "René Urtreger, born in Paris, was twenty-three and had a classical training behind him. "
            "He had made his name in the mid-1950s accompanying visiting Americans, Lester Young "
            "among them, and he had been playing with Davis's Paris quintet through November 1957.",
            "He plays on eight of the LP's ten tracks; only the trumpet-bass-drums *Dîner au motel* "
            "and the bass-and-drums *Visite du vigile* leave him out. Among the session's other takes, "
            "\u201cL'interrogatoire de Julien\u201d is a piano trio, according to the session discography, "
            "a piece without horns that did not make the LP.",
            "A remark often put in his mouth, that Davis gave the band almost nothing to work with, "
            "has no source that we could find; the guide does not quote it. In 1960 he formed the "
            "trio HUM with drummer Daniel Humair and Pierre Michelot.",
        ],
    },
    {
        "slug": "pierre-michelot",
        "name": "Pierre Michelot",
        "role": "Double bass",
        "kind": "musician",
        "voice": "bass",
        "born": "1928",
        "died": "2005",
        "nationality": "French",
        "biography": [
            "Pierre Michelot, twenty-nine at the session, was one of the bassists visiting Americans "
            "most often worked with in Paris. He and Kenny Clarke are the "
            "only musicians who play on all ten tracks of the LP, according to the session "
            "discography, and on *Visite du vigile* they play alone.",
            "He is also the source of the best-documented detail about the music's harmony. In 1988 "
            "he recalled that Davis \u201cjust asked us to play two chords, D minor and C7, 4 bars of each, "
            "ad lib.\u201d No source ties that instruction to one particular cue, but it is the origin of "
            "the two-chord vamp this guide's synthesised audio uses.",
            "He went on to a long partnership with Clarke, including Bud Powell's Paris recordings "
            "of the early 1960s, and to the trio HUM with René Urtreger and Daniel Humair. According "
            "to the discography, he takes a bass solo on the first take of \u201cLe petit bac\u201d.",
        ],
    },
    {
        "slug": "kenny-clarke",
        "name": "Kenny Clarke",
        "role": "Drums",
        "kind": "musician",
        "voice": "drums",
        "born": "1914",
        "died": "1985",
        "nationality": "American",
        "biography": [
            "At forty-three, Kenny Clarke was the senior musician in the studio. In New York in the "
            "early 1940s he was among the drummers who invented bebop timekeeping, moving the steady "
            "pulse to the ride cymbal "
            "and using the bass drum for accents. He was the first drummer of the Modern Jazz Quartet "
            "and had settled in Paris in 1956.",
            "He is often described as the only American in the group, which is wrong: Davis was "
            "American, and Barney Wilen had an American father. With Pierre Michelot he plays on "
            "every track of the LP, according to the session discography, and the two of them carry "
            "*Visite du vigile* alone.",
        ],
    },
    {
        "slug": "louis-malle",
        "name": "Louis Malle",
        "role": "Director",
        "kind": "film",
        "voice": None,
        "born": "1932",
        "died": "1995",
        "nationality": "French",
        "biography": [
            "Louis Malle was twenty-five when he made *Ascenseur pour l'échafaud*, his first fiction "
            "feature, after co-directing the undersea documentary *Le Monde du silence* with "
            "Jacques-Yves Cousteau. He adapted Noël Calef's 1956 novel with the writer Roger Nimier, "
            "and the film won the Prix Louis-Delluc for 1957.",
            "He was in the studio on the night of 4 to 5 December 1957 and later described the session "
            "in interviews: they stayed, he said, \u201cfrom ten or eleven in the evening until eight in "
            "the morning\u201d, and the result was one of the rare film scores entirely improvised. He "
            "wanted music that ran in counterpoint to the images rather than underlining them, and "
            "he believed the film would not have been received as it was without it.",
            "His next film, *Les Amants* (1958), again starred Jeanne Moreau.",
        ],
    },
    {
        "slug": "jeanne-moreau",
        "name": "Jeanne Moreau",
        "role": "Florence Carala",
        "kind": "film",
        "voice": None,
        "born": "1928",
        "died": "2017",
        "nationality": "French",
        "biography": [
            "Jeanne Moreau plays Florence Carala, who plots her husband's murder with her lover and "
            "then spends the night searching Paris for him. Already known on the stage, she became a "
            "screen star with this film and Malle's *Les Amants*, both released in 1958.",
            "Her night walk down the Champs-Élysées is the film's best-remembered sequence. According "
            "to accounts of the shoot, Henri Decaë filmed her in the street by the light of the shop "
            "windows, an unusually bare way to photograph a leading actress at the time.",
            "She was also at the recording session, where, by several accounts, she ran a makeshift "
            "bar for the musicians through the night.",
        ],
    },
    {
        "slug": "maurice-ronet",
        "name": "Maurice Ronet",
        "role": "Julien Tavernier",
        "kind": "film",
        "voice": None,
        "born": "1927",
        "died": "1983",
        "nationality": "French",
        "biography": [
            "Maurice Ronet plays Julien Tavernier, a former paratroop officer who works for Simon "
            "Carala and kills him. After the murder he spends most of the film alone in a stalled "
            "lift, a part built almost entirely from small gestures in a confined space.",
            "He and Jeanne Moreau never appear in the same shot: the lovers are joined only by the "
            "opening telephone call and by the photographs at the end. Ronet worked with Malle again in "
            "*Le Feu follet* (1963).",
        ],
    },
    {
        "slug": "henri-decae",
        "name": "Henri Decaë",
        "role": "Cinematographer",
        "kind": "film",
        "voice": None,
        "born": "1915",
        "died": "1987",
        "nationality": "French",
        "biography": [
            "Henri Decaë photographed the film in black and white, much of it on location in Paris at "
            "night. According to accounts of the shoot, he filmed Jeanne Moreau on the Champs-Élysées "
            "lit mainly by shop windows rather than by studio lamps.",
            "He went on to shoot François Truffaut's *Les Quatre Cents Coups* (1959) and Jean-Pierre "
            "Melville's *Le Samouraï* (1967), and his night-time Paris became part of the look of "
            "the French cinema of those years.",
        ],
    },
    {
        "slug": "boris-vian",
        "name": "Boris Vian",
        "role": "Liner notes",
        "kind": "other",
        "voice": None,
        "born": "1920",
        "died": "1959",
        "nationality": "French",
        "biography": [
            "Novelist, songwriter, jazz critic and amateur jazz trumpeter, Boris Vian wrote the liner "
            "notes for the original Fontana LP. They are the source of the record's best-known "
            "anecdote: on *Dîner au motel*, a flake of skin from Davis's lip stuck in the mouthpiece "
            "and gave the horn a strange sound, which Davis chose to keep.",
            "Vian is also one of the people credited, in some accounts, with bringing Davis to the "
            "film; the sources disagree about who did. He died in June 1959, a few months before the "
            "music reached American listeners on Columbia's *Jazz Track*.",
        ],
    },
]


# ---------------------------------------------------------------------------
# Scenes (plot beats, in film order)
# ---------------------------------------------------------------------------

SCENES: list[dict] = [
    {
        "slug": "opening-phone-call",
        "number": 1,
        "title": "The telephone call",
        "summary": [
            "The film opens in close-up on Florence Carala, on the telephone to her lover Julien "
            "Tavernier, who works for her husband. Their voices are low and urgent: Julien is to kill "
            "Simon Carala that evening, and Florence will wait for him at a café so that they can "
            "leave together. It is the only time in the film the two speak to each other.",
            "The opening titles, *Générique* on the LP, belong to this beginning.",
        ],
        "characters": ["Florence Carala", "Julien Tavernier"],
        "people": ["jeanne-moreau", "maurice-ronet"],
        "stills": [
            {"look": "phone-call", "caption": "A face and a receiver: the film begins with a voice on the line."},
        ],
    },
    {
        "slug": "the-murder",
        "number": 2,
        "title": "The murder upstairs",
        "summary": [
            "It is Saturday evening and the office building is emptying. Julien climbs a rope from his "
            "window to the floor above, shoots Simon Carala in his office, arranges the body and the "
            "gun to suggest suicide, and returns the way he came before leaving with the last of the "
            "staff.",
            "The music is *L'Assassinat de Carala*, the third take of the session piece \u201cAssassinat\u201d.",
        ],
        "characters": ["Julien Tavernier", "Simon Carala"],
        "people": ["maurice-ronet"],
        "stills": [
            {"look": "office-rope", "caption": "One storey of rope against the facade, between two offices."},
        ],
    },
    {
        "slug": "trapped-in-the-lift",
        "number": 3,
        "title": "Trapped in the lift",
        "summary": [
            "At his car, Julien looks up and sees the rope still hanging from the building. He leaves "
            "the engine running and hurries back inside, but while he is in the lift the power is "
            "switched off for the weekend, and the cage stops between floors with him in it.",
            "The LP scores his trap with *Julien dans l'ascenseur*, the second take of \u201cAssassinat\u201d.",
        ],
        "characters": ["Julien Tavernier"],
        "people": ["maurice-ronet"],
        "stills": [
            {"look": "lift-cage", "caption": "The lift cage, stopped between floors in a dark building."},
            {"look": "office-rope", "caption": "The mistake: a rope left hanging in plain sight."},
        ],
    },
    {
        "slug": "the-stolen-car",
        "number": 4,
        "title": "The stolen car",
        "summary": [
            "Louis, a young small-time thief, and his girlfriend Véronique, who works in a flower shop, "
            "take Julien's convertible from the kerb with the engine still running. In the car Louis "
            "finds Julien's gun and a small camera. They drive past the café where Florence is "
            "waiting; she sees Julien's car go by with a girl inside and believes she has been "
            "betrayed.",
            "The LP has no track named for this moment; the guide attaches it to the start of "
            "*Florence sur les Champs-Élysées*, since it is what sends her out into the night.",
        ],
        "characters": ["Louis", "Véronique", "Florence Carala"],
        "people": ["jeanne-moreau"],
        "stills": [
            {"look": "stolen-car", "caption": "Julien's convertible pulls away with the wrong couple in it."},
        ],
    },
    {
        "slug": "florence-walks-the-night",
        "number": 5,
        "title": "Florence's night",
        "summary": [
            "Florence walks the Champs-Élysées through the night, from bar to bar, asking whether "
            "anyone has seen Julien. The film cuts between her search and his cage, two people who "
            "can no longer reach each other.",
            "*Florence sur les Champs-Élysées* accompanies her walk. *Au bar du Petit Bac* may belong "
            "to one of her stops, but we have not found a source that confirms where it is used, so "
            "that link is marked as unconfirmed.",
        ],
        "characters": ["Florence Carala"],
        "people": ["jeanne-moreau", "henri-decae"],
        "stills": [
            {"look": "shop-windows", "caption": "Lit by the shop windows: Florence on the avenue at night."},
            {"look": "bar", "caption": "One more bar, one more stranger who has not seen Julien."},
        ],
    },
    {
        "slug": "out-of-paris",
        "number": 6,
        "title": "Out of Paris",
        "summary": [
            "Louis and Véronique drive Julien's car out of the city at speed, playing at being the "
            "people the car belongs to.",
            "The music is *Sur l'autoroute*, one of the record's two fast pieces with muted trumpet.",
        ],
        "characters": ["Louis", "Véronique"],
        "people": [],
        "stills": [
            {"look": "motorway", "caption": "Headlights on an empty road, Paris falling behind."},
        ],
    },
    {
        "slug": "the-motel",
        "number": 7,
        "title": "The motel",
        "summary": [
            "At a motel outside Paris, Louis and Véronique sign in as Monsieur and Madame Julien "
            "Tavernier and spend the evening drinking with a German couple, Horst and Frieda Bencker. "
            "Photographs are taken with the camera from Julien's car. In the early hours Louis tries to make "
            "off with the Benckers' Mercedes; caught in the act, he shoots them both with Julien's gun.",
            "*Dîner au motel*, for trumpet, bass and drums, goes with the evening.",
        ],
        "characters": ["Louis", "Véronique", "Horst Bencker", "Frieda Bencker"],
        "people": [],
        "stills": [
            {"look": "motel", "caption": "The motel: low buildings, a lit office, cars parked in a row."},
        ],
    },
    {
        "slug": "the-watchmans-rounds",
        "number": 8,
        "title": "The watchman's rounds",
        "summary": [
            "While Julien is stuck in the lift, the building's night watchman makes his rounds. The "
            "film draws suspense from routine: being found would mean explaining why Julien came back "
            "to an empty office on a Saturday night.",
            "The LP's track is *Visite du vigile*, for bass and drums alone.",
        ],
        "characters": ["Julien Tavernier", "The night watchman"],
        "people": ["maurice-ronet"],
        "stills": [
            {"look": "watchman", "caption": "The watchman on his round through the empty building."},
            {"look": "stairwell", "caption": "A stairwell in the dark, a few floors from the stalled lift."},
        ],
    },
    {
        "slug": "escape-and-arrest",
        "number": 9,
        "title": "Escape and arrest",
        "summary": [
            "When the lift finally moves, Julien slips out of the building into a city where he is "
            "already wanted. His car, his gun and his name in the motel register point to him, and he "
            "is arrested for the killing of the Benckers, murders he did not commit.",
            "His only alibi, a night trapped in a lift, cannot be offered without revealing why he was "
            "there. The LP's *Évasion de Julien* goes with his way out.",
        ],
        "characters": ["Julien Tavernier"],
        "people": ["maurice-ronet"],
        "stills": [
            {"look": "stairwell", "caption": "Out of the cage and down the stairs, into the trap outside."},
            {"look": "lift-cage", "caption": "The open lift door, after a night closed."},
        ],
    },
    {
        "slug": "the-darkroom",
        "number": 10,
        "title": "The darkroom",
        "summary": [
            "The film ends at the motel photographer's, where the roll from the camera in Julien's car "
            "is developed. The pictures of Louis with the Benckers clear Julien of their deaths, but "
            "the same roll holds earlier pictures of Julien and Florence together, and with them the "
            "affair and the motive for Carala's murder come to light.",
            "The lovers, never on screen together, meet only in these prints. The music is *Chez le "
            "photographe du motel*, which the session called simply \u201cFinal\u201d.",
        ],
        "characters": ["Florence Carala", "Commissaire Cherrier"],
        "people": ["jeanne-moreau"],
        "stills": [
            {"look": "darkroom", "caption": "Prints rising in the developing tray under the safelight."},
        ],
    },
]


# ---------------------------------------------------------------------------
# The soundtrack and its story
# ---------------------------------------------------------------------------

SOUNDTRACK: dict = {
    "slug": "ascenseur-pour-lechafaud",
    "title": "Ascenseur pour l'échafaud",
    "subtitle": "Miles Davis · music for Louis Malle's film, 1957",
    "original_language": "fr",
    "footer": [
        "The audio on this demo is synthesised and the stills are drawn: the 1957 recordings and the "
        "film's images are under copyright. Editors replace them with licensed media.",
        "Music: Miles Davis, Barney Wilen, René Urtreger, Pierre Michelot, Kenny Clarke · Film: Louis Malle, 1958.",
    ],
    "label": "Fontana",
    "catalogue_number": "660.213 MR",
    "release_format": "10-inch mono LP, France, 1958",
    "recorded": "Night of 4–5 December 1957",
    "studio": "Le Poste Parisien, 116 bis avenue des Champs-Élysées, Paris",
    "intro": (
        "In one night in December 1957, Miles Davis and four musicians in Paris improvised the score "
        "of a young director's first thriller while the film ran in front of them. This guide follows "
        "the ten pieces of the original LP scene by scene, and keeps what the sources say apart from "
        "what the legend has added."
    ),
    "chapters": [
        {
            "heading": "The night of the session",
            "paragraphs": [
                "The music was recorded on the night of 4 to 5 December 1957 at Le Poste Parisien, "
                "116 bis avenue des Champs-Élysées, a former radio station that had become a film "
                "sound studio. Davis later remembered it as \u201ca very gloomy, dark building\u201d. "
                "Shooting had ended on 15 November, so the band met a film that already existed.",
                "How long the night lasted depends on the witness. Malle and his assistant director "
                "François Leterrier both described a session that began in the evening and ran until "
                "dawn or later; one label text speaks of barely three hours. The accounts have not "
                "been reconciled, and the guide reports both.",
                "Besides the musicians, the room held Louis Malle, Jeanne Moreau, who kept a makeshift "
                "bar going for the band, producers and technicians, and, according to one account, "
                "Leterrier. Marcel Romano is sometimes placed there too, but his presence is not "
                "confirmed.",
            ],
            "quote": {
                "text": "[We stayed] from ten or eleven in the evening until eight in the morning.",
                "attribution": "Louis Malle, recalling the session in an interview (translated from French)",
            },
        },
        {
            "heading": "The band",
            "paragraphs": [
                "This was a working group, not a studio pick-up. With the same four musicians Davis "
                "had played the Club Saint-Germain in November 1957 and the Olympia on 30 November, "
                "and two days after the session, on 7 December, the quintet was filmed for French "
                "television.",
                "Miles Davis played trumpet; Barney Wilen, twenty, tenor saxophone; René Urtreger, "
                "twenty-three, piano; Pierre Michelot, twenty-nine, double bass; and Kenny Clarke, "
                "at forty-three the veteran of the group, drums. Davis and Clarke were American, "
                "Urtreger and Michelot French, and Wilen, born in Nice, had an American father, "
                "according to biographical sources.",
                "How Davis came to the film at all is a story with several versions. The usual one "
                "credits Jean-Paul Rappeneau with the idea; others give the credit to Juliette Gréco, "
                "Boris Vian or Marcel Romano. The sources conflict, and the guide leaves them in "
                "conflict.",
            ],
            "quote": None,
        },
        {
            "heading": "The film",
            "paragraphs": [
                "*Ascenseur pour l'échafaud* (released in the United States as *Elevator to the "
                "Gallows* and in Britain as *Lift to the Scaffold*) was Louis Malle's first fiction "
                "feature. He adapted Noël Calef's 1956 novel with Roger Nimier, and shot it between "
                "23 September and 15 November 1957 with Henri Decaë behind the camera. It opened in "
                "France on 29 January 1958, runs about 91 minutes, and won the Prix Louis-Delluc.",
                "Jeanne Moreau and Maurice Ronet play the lovers, Florence Carala and Julien Tavernier; "
                "Jean Wall is Simon Carala, the husband and employer they kill; Georges Poujouly and "
                "Yori Bertin are Louis and Véronique, the young couple who steal Julien's car; Lino "
                "Ventura is Commissaire Cherrier; Ivan Petrovich and Elga Andersen are Horst and "
                "Frieda Bencker, the German tourists at the motel.",
                "The story runs on two tracks through one night: a murder that goes wrong because of a "
                "rope and a lift, and a joyride that turns into a second crime. The lovers are never on "
                "screen together, and the music is often what bridges their separate nights.",
            ],
            "quote": None,
        },
        {
            "heading": "The method",
            "paragraphs": [
                "According to accounts of the session, short loops of film, twenty to thirty seconds "
                "long, were projected while the band improvised against them, with almost nothing "
                "written down. Davis said in his autobiography that he \u201cwould look at the rushes of "
                "the film and get musical ideas\u201d. About fifty minutes of music were recorded and "
                "about eighteen used in the film.",
                "Malle wanted the music to run in counterpoint to the image rather than mirror it, and "
                "he spoke of its elegiac quality. He later called the result one of the rare film "
                "scores entirely improvised.",
                "On harmony there is one sourced recollection. Pierre Michelot remembered that Davis "
                "asked for two chords, D minor and C7, four bars of each, to be played ad lib. No "
                "source says which pieces this applied to, and the guide's synthesised audio uses the "
                "two chords only as an illustration of the method, not as a transcription.",
            ],
            "quote": {
                "text": "[Davis] just asked us to play two chords, D minor and C7, 4 bars of each, ad lib.",
                "attribution": "Pierre Michelot, recalling the session (1988)",
            },
        },
        {
            "heading": "The record",
            "paragraphs": [
                "Fontana issued ten pieces in France in 1958 as a 10-inch mono LP, catalogue number "
                "660.213 MR, with liner notes by Boris Vian. The tracks add up to 25:38, the LP's "
                "stated length, though other pressings differ by a few seconds here and there. The "
                "record is reported to have won the Grand Prix du Disque of the Académie Charles Cros "
                "in 1958.",
                "The LP is not a raw document. Its versions, like those in the film, were edited and "
                "given added echo; the session takes, when they were finally released, came out "
                "untreated. *Évasion de Julien* shows the scissors most clearly: the take it comes "
                "from runs 1:56, the LP track 0:53.",
                "American listeners could buy imports from September 1959, and in November 1959 "
                "Columbia put all ten tracks on side 1 of *Jazz Track* (CL 1268), backed with Davis's "
                "sextet of May 1958; the album was nominated for a Grammy in 1960. A standalone US CD "
                "followed around 1990. A Fontana CD (836 305) gathered the LP and all the studio takes, "
                "26 tracks and 71:18 in all; Decca issued the complete session on three 10-inch discs "
                "in 2018 and a 180-gram LP in 2024.",
            ],
            "quote": {
                "text": "The loneliest trumpet sound you will ever hear.",
                "attribution": "Phil Johnson, critic",
            },
        },
        {
            "heading": "Toward Kind of Blue",
            "paragraphs": [
                "The score is often described as Davis's first step toward *Kind of Blue*, recorded "
                "in 1959, about fifteen months after the Paris session (not two years, as is sometimes "
                "said). The connection is an idea rather than a tune: improvising over very few "
                "chords held for a long time, instead of racing through a dense sequence of changes.",
                "Michelot's memory of two chords, four bars each, fits that description, and so does "
                "the way the pieces could be stretched, cut and reused across scenes. The guide's "
                "advice to students is to treat the link as a well-supported interpretation, and to "
                "listen for it rather than take it on trust.",
            ],
            "quote": None,
        },
        {
            "heading": "Myth and record",
            "paragraphs": [
                "A famous record gathers stories, and some of the most repeated ones about this session "
                "have no source or are contradicted by the evidence. Here are the claims a student is "
                "most likely to meet, set beside what the sources actually say.",
            ],
            "myths": [
                {
                    "claim": "Davis told the band: \u201cTwo chords, D minor and C7 \u2014 stay cool.\u201d",
                    "record": "The only sourced version is Pierre Michelot's recollection (1988) that Davis "
                    "asked for two chords, D minor and C7, four bars each, ad lib. The punchy wording and "
                    "the \u201cstay cool\u201d appear in no source we know, and nothing ties the two chords to a "
                    "particular track.",
                },
                {
                    "claim": "René Urtreger said: \u201cMiles gave us almost nothing\u2026\u201d",
                    "record": "We have found no source for this quotation, so it should not be attributed "
                    "to Urtreger. That the band worked from almost no written material is reported in "
                    "accounts of the session, which is a different thing from a quotation.",
                },
                {
                    "claim": "No second chances: the score was captured live, in sync with the picture, "
                    "in a single pass.",
                    "record": "Each piece was played in several takes; the LP alone uses three takes of "
                    "\u201cAssassinat\u201d and two of \u201cNuit sur les Champs-Élysées\u201d. The LP and film "
                    "versions were edited and given added echo, and *Évasion de Julien* is cut from a "
                    "1:56 take down to 0:53.",
                },
                {
                    "claim": "Kenny Clarke was the only American in the group.",
                    "record": "Miles Davis was American too, and Barney Wilen's father was American, "
                    "according to biographical sources. René Urtreger and Pierre Michelot were French.",
                },
                {
                    "claim": "The soundtrack was not released in the United States until the early 1990s.",
                    "record": "Imports were on sale from September 1959, and in November 1959 Columbia "
                    "issued all ten tracks as side 1 of *Jazz Track* (CL 1268), nominated for a Grammy in "
                    "1960. What appeared around 1990 was a standalone US CD, which may be where the "
                    "confusion started.",
                },
                {
                    "claim": "*Kind of Blue* followed two years later.",
                    "record": "*Kind of Blue* was recorded in 1959, about fifteen months after the "
                    "session of 4 to 5 December 1957.",
                },
                {
                    "claim": "We know who brought Davis to the film.",
                    "record": "Accounts conflict. The usual one names Jean-Paul Rappeneau; others credit "
                    "Juliette Gréco, Boris Vian or Marcel Romano, whose presence at the session is not "
                    "confirmed either.",
                },
                {
                    "claim": "The whole score was knocked off in a couple of hours.",
                    "record": "One label text does say barely three hours, but Malle remembered staying "
                    "from ten or eleven at night until eight in the morning, and Leterrier also recalled "
                    "working until dawn. The accounts disagree, and none can be preferred with certainty.",
                },
            ],
            "quote": None,
        },
    ],
    "sources": [
        VIAN,
        LOSIN,
        MICHELOT,
        MALLE,
        LETERRIER,
        AUTOBIO,
        JOHNSON,
        CD,
        JAZZ_TRACK,
        DECCA,
        LABEL,
        FILM,
        "Noël Calef, Ascenseur pour l'échafaud (novel, 1956)",
        REFERENCE,
        BIOGRAPHIES,
    ],
}


# ---------------------------------------------------------------------------
# Tracks and their cues
# ---------------------------------------------------------------------------

TRACKS: list[dict] = [
    # ------------------------------------------------------------------ A1
    {
        "number": 1,
        "side": "A",
        "slug": "generique",
        "title_fr": "Générique",
        "title_en": "Opening Titles",
        "length": "2:45",
        "session_piece": "Nuit sur les Champs-Élysées",
        "take": 3,
        "take_note": "",
        "tempo_bpm": 72,
        "personnel": QUINTET,
        "scenes": ["opening-phone-call"],
        "intro": [
            "The record opens with the piece the session called \u201cNuit sur les Champs-Élysées\u201d, "
            "in its third take. The fourth take of the same piece is the LP's *Florence sur les "
            "Champs-Élysées*, so side A begins and ends with two views of one idea, a useful pair "
            "for anyone who wants to hear how an improvised piece changes from take to take.",
            "A word on what you are hearing: this guide's audio is a synthesised stand-in, not the "
            "1957 recording. It turns over the two chords Pierre Michelot remembered Davis asking "
            "for, D minor and C7, and brings instruments in and out where the cues say. No source "
            "ties those chords to any one track, so take it as a sketch of the method, not a "
            "transcription.",
        ],
        "cues": [
            {
                "slug": "rhythm-section",
                "start": "0:00",
                "end": None,
                "title": "The rhythm section sets the floor",
                "layer": "music",
                "scene": "opening-phone-call",
                "performers": ["rene-urtreger", "pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "The guide's arrangement opens with piano, bass and brushes, and leaves the solo "
                    "chair empty for a moment. Listen for how little is needed to establish a mood: "
                    "two chords, a slow pulse, a soft cymbal. The film's first scene is just as "
                    "sparing, a conversation held almost in whispers. "
                    "*Générique* simply means the opening credits, and that is the piece's job in the film: it "
                    "plays while the credits run over the lovers' call.",
                ],
                "sources": [LOSIN, MICHELOT],
            },
            {
                "slug": "on-screen-two-voices",
                "start": "0:00",
                "end": "0:55",
                "title": "On screen: two voices on a telephone",
                "layer": "film",
                "scene": "opening-phone-call",
                "performers": [],
                "commentary": [
                    "The film begins in close-up on Florence Carala, on the telephone to Julien "
                    "Tavernier, who is about to kill her husband. They agree to meet at a café once it "
                    "is done. It is the only time the lovers speak to each other in the whole film, and "
                    "the opening titles play over the call.",
                    "Malle said he wanted music that ran in counterpoint to the image rather than "
                    "echoing it. Here the picture is all nerves and intimacy; the score keeps its own "
                    "slow, unhurried counsel.",
                ],
                "sources": [FILM, MALLE],
            },
            {
                "slug": "trumpet-enters",
                "start": "0:18",
                "end": None,
                "title": "The trumpet enters",
                "layer": "music",
                "scene": "opening-phone-call",
                "performers": ["miles-davis", "rene-urtreger", "pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "Now the trumpet joins the rhythm section in the guide's audio. The critic Phil "
                    "Johnson called Davis's playing on this score \u201cthe loneliest trumpet sound you "
                    "will ever hear\u201d, and the phrase is quoted wherever the record is discussed. "
                    "Whether you hear loneliness or simply restraint, notice how much room a single "
                    "horn leaves when the saxophone holds back.",
                ],
                "sources": [JOHNSON],
            },
            {
                "slug": "tenor-completes-the-quintet",
                "start": "0:50",
                "end": None,
                "title": "The tenor completes the quintet",
                "layer": "music",
                "scene": "opening-phone-call",
                "performers": QUINTET,
                "commentary": [
                    "The tenor saxophone comes in and the guide's quintet is complete. Barney Wilen was "
                    "twenty, the youngest musician in the room. According to the session discography "
                    "he plays on five of the LP's ten tracks: this one, *Sur l'autoroute*, *Florence "
                    "sur les Champs-Élysées*, *Évasion de Julien* and *Au bar du Petit Bac*. "
                    "On side A the tenor comes and goes: it is heard on tracks 1, 3 and 5 and is absent from 2 and "
                    "4, the two takes of “Assassinat”.",
                ],
                "sources": [LOSIN],
            },
            {
                "slug": "a-night-on-the-avenue",
                "start": "1:05",
                "end": "1:55",
                "title": "A night on the avenue",
                "layer": "story",
                "scene": "opening-phone-call",
                "performers": [],
                "commentary": [
                    "This music was made on the night of 4 to 5 December 1957 at Le Poste Parisien, "
                    "116 bis avenue des Champs-Élysées, a former radio station then used as a film "
                    "sound studio. Davis later recalled it as \u201ca very gloomy, dark building\u201d.",
                    "The session's name for the piece, \u201cNuit sur les Champs-Élysées\u201d, fits the "
                    "address as well as the film. Florence's long walk in search of Julien follows the "
                    "same avenue on which the band was playing.",
                ],
                "sources": [AUTOBIO, LOSIN],
            },
            {
                "slug": "trumpet-bass-and-drums",
                "start": "1:30",
                "end": None,
                "title": "Trumpet, bass and drums",
                "layer": "music",
                "scene": "opening-phone-call",
                "performers": ["miles-davis", "pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "The guide thins the band here to trumpet, bass and drums, the same lean trio the "
                    "LP uses on its own for *Dîner au motel*. Kenny Clarke, at forty-three, was the "
                    "senior musician present: in New York in the early 1940s he had helped invent the "
                    "way modern jazz drummers keep time, and since 1956 he had lived in Paris.",
                ],
                "sources": [LOSIN, BIOGRAPHIES],
            },
            {
                "slug": "all-five-again",
                "start": "2:05",
                "end": None,
                "title": "All five again",
                "layer": "music",
                "scene": "opening-phone-call",
                "performers": QUINTET,
                "commentary": [
                    "The full quintet returns for the close of the guide's version. The very next take "
                    "of this piece became *Florence sur les Champs-Élysées*, track 5, and the CD "
                    "editions that gather every take let you hear the rest of the sequence.",
                    "One thing to keep in mind when comparing: the LP and film versions were edited and "
                    "given added echo, while the session takes were released untreated. The same "
                    "material can sound closer and drier on the reissues for that reason alone.",
                ],
                "sources": [CD, LOSIN],
            },
        ],
    },
    # ------------------------------------------------------------------ A2
    {
        "number": 2,
        "side": "A",
        "slug": "lassassinat-de-carala",
        "title_fr": "L'Assassinat de Carala",
        "title_en": "The Murder of Carala",
        "length": "2:10",
        "session_piece": "Assassinat",
        "take": 3,
        "take_note": "",
        "tempo_bpm": 112,
        "personnel": NO_TENOR,
        "scenes": ["the-murder"],
        "intro": [
            "Three of the LP's ten tracks come from a single session piece, \u201cAssassinat\u201d: this is "
            "its third take, *Julien dans l'ascenseur* is the second, and *Visite du vigile* the "
            "first. Three takes of one idea ended up scoring three different moments, a killing, a "
            "trap and a night watchman's walk, which says a good deal about how far a loose, "
            "improvised framework can stretch.",
            "Barney Wilen sits this one out, according to the session discography, leaving trumpet, "
            "piano, bass and drums.",
        ],
        "cues": [
            {
                "slug": "bass-and-drums",
                "start": "0:00",
                "end": None,
                "title": "Bass and drums alone",
                "layer": "music",
                "scene": "the-murder",
                "performers": ["pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "The guide starts this track with bass and drums alone, a pulse with nothing on "
                    "top of it. The scene it belongs to is almost wordless, a man going about a murder "
                    "step by step, and a bare pulse leaves the room to the images. "
                    "The same two players carry all of *Visite du vigile* on side B, which is also a take of "
                    "“Assassinat”, so this opening gives a taste of that track's bare sound.",
                ],
                "sources": [FILM],
            },
            {
                "slug": "on-screen-up-the-rope",
                "start": "0:05",
                "end": "1:00",
                "title": "On screen: up the rope",
                "layer": "film",
                "scene": "the-murder",
                "performers": [],
                "commentary": [
                    "It is Saturday evening and the building is emptying. Julien climbs one storey on "
                    "the outside, walks into Simon Carala's office, shoots him, and arranges the body "
                    "and the gun so that it will pass for suicide.",
                    "Maurice Ronet plays it as a sequence of precise, practical gestures with almost no "
                    "visible emotion. The music does not supply the emotion he withholds, which is "
                    "exactly the kind of distance Malle was asking for.",
                ],
                "sources": [FILM, MALLE],
            },
            {
                "slug": "piano-comes-in",
                "start": "0:16",
                "end": None,
                "title": "The piano comes in",
                "layer": "music",
                "scene": "the-murder",
                "performers": ["rene-urtreger", "pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "René Urtreger's piano joins in the guide's arrangement. He was twenty-three, "
                    "classically trained, and had spent the previous years accompanying visiting "
                    "Americans in Paris, Lester Young among them. By December 1957 he had been playing "
                    "with Davis's Paris group for several weeks, so this was not a meeting of strangers. "
                    "In the guide's audio the piano does little more than sound the two chords, which is the "
                    "pianist's first duty in music this spare.",
                ],
                "sources": [BIOGRAPHIES, LOSIN],
            },
            {
                "slug": "trumpet-over-the-trio",
                "start": "0:40",
                "end": None,
                "title": "Trumpet over the trio",
                "layer": "music",
                "scene": "the-murder",
                "performers": NO_TENOR,
                "commentary": [
                    "The trumpet enters. According to accounts of the session, the band worked from "
                    "short loops of film, twenty to thirty seconds long, projected over and over while "
                    "they improvised, with almost nothing written down. \u201cAssassinat\u201d is a working "
                    "label for a scene, not the name of a composed tune. "
                    "That method explains the titles: pieces were named for what they had to accompany, and one "
                    "label could serve several takes and, in the end, several scenes.",
                ],
                "sources": [LOSIN, MALLE],
            },
            {
                "slug": "watching-the-rushes",
                "start": "1:00",
                "end": "1:45",
                "title": "Watching the rushes",
                "layer": "story",
                "scene": "the-murder",
                "performers": [],
                "commentary": [
                    "In his autobiography Davis said he \u201cwould look at the rushes of the film and get "
                    "musical ideas\u201d. It is a modest description of an unusual way to make a score.",
                    "The players were reacting to pictures rather than to written parts, and the "
                    "pictures here show a murder carried out with great care. Any tension you feel is "
                    "shared between screen and band rather than dictated by one to the other.",
                ],
                "sources": [AUTOBIO],
            },
            {
                "slug": "trio-again",
                "start": "1:05",
                "end": None,
                "title": "The trio carries the vamp",
                "layer": "music",
                "scene": "the-murder",
                "performers": ["rene-urtreger", "pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "The guide drops the trumpet again and lets piano, bass and drums keep the two "
                    "chords turning. The victim, Simon Carala, is played by Jean Wall: a powerful "
                    "businessman who employs Julien, a former paratroop officer, and who never "
                    "suspects that the man bringing him a file has come to kill him.",
                ],
                "sources": [FILM, REFERENCE],
            },
            {
                "slug": "quartet-to-the-end",
                "start": "1:30",
                "end": None,
                "title": "The quartet to the end",
                "layer": "music",
                "scene": "the-murder",
                "performers": NO_TENOR,
                "commentary": [
                    "Trumpet and rhythm section together for the close. Play this track next to *Julien "
                    "dans l'ascenseur* and *Visite du vigile*: same session piece, different takes, "
                    "different scenes. On the LP they are scattered across both sides, so a listener "
                    "meets the \u201cAssassinat\u201d material three times under three different names. "
                    "The first of the three, *Visite du vigile*, is the most surprising: by the discography's "
                    "account it has neither trumpet nor piano.",
                ],
                "sources": [LOSIN],
            },
        ],
    },
    # ------------------------------------------------------------------ A3
    {
        "number": 3,
        "side": "A",
        "slug": "sur-lautoroute",
        "title_fr": "Sur l'autoroute",
        "title_en": "On the Motorway",
        "length": "2:15",
        "session_piece": "Séquence voiture",
        "take": 2,
        "take_note": "",
        "tempo_bpm": 200,
        "personnel": QUINTET,
        "scenes": ["out-of-paris"],
        "intro": [
            "One of the record's two fast pieces, both played with muted trumpet according to the "
            "session discography; the other is *Évasion de Julien*. The session called it simply "
            "\u201cSéquence voiture\u201d, the car sequence, and this is its second take.",
            "In the film it goes with Louis and Véronique speeding out of Paris at night in Julien's "
            "stolen convertible, the young couple's joyride that will end in a second crime.",
        ],
        "cues": [
            {
                "slug": "bass-and-drums-at-speed",
                "start": "0:00",
                "end": None,
                "title": "Bass and drums at speed",
                "layer": "music",
                "scene": "out-of-paris",
                "performers": ["pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "The guide sets off with bass and drums alone at a fast tempo. A fast piece puts "
                    "the weight on the drummer, and Kenny Clarke was one of the men who had shaped "
                    "bebop timekeeping in the 1940s, carrying the pulse on the ride cymbal and saving "
                    "the bass drum for accents. "
                    "The guide's drummer plays brushes throughout, a simplification: it makes no claim about what "
                    "Clarke played on this take.",
                ],
                "sources": [BIOGRAPHIES],
            },
            {
                "slug": "piano-joins",
                "start": "0:12",
                "end": None,
                "title": "The piano joins",
                "layer": "music",
                "scene": "out-of-paris",
                "performers": ["rene-urtreger", "pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "Piano joins the rhythm section. The band that recorded this was not put together "
                    "for one night: with the same players Davis had worked the Club Saint-Germain in "
                    "November 1957 and played the Olympia on 30 November. A fast, improvised piece "
                    "depends on exactly that kind of familiarity. "
                    "Two days after the session, on 7 December, the same quintet was filmed for French television.",
                ],
                "sources": [BIOGRAPHIES, LOSIN],
            },
            {
                "slug": "on-screen-paris-falls-behind",
                "start": "0:20",
                "end": "1:20",
                "title": "On screen: Paris falls behind",
                "layer": "film",
                "scene": "out-of-paris",
                "performers": [],
                "commentary": [
                    "Louis, a young small-time thief, and Véronique, who works in a flower shop, drive "
                    "Julien's big car out of the city. Louis has found Julien's gun and a small camera "
                    "in it; both will matter before morning.",
                    "Fast car, fast music: here image and score move at the same speed. The irony lies "
                    "elsewhere, in the fact that the car's owner is at that "
                    "moment going nowhere at all.",
                ],
                "sources": [FILM],
            },
            {
                "slug": "muted-trumpet",
                "start": "0:30",
                "end": None,
                "title": "Muted trumpet",
                "layer": "music",
                "scene": "out-of-paris",
                "performers": NO_TENOR,
                "commentary": [
                    "The trumpet enters, muted in the guide's audio as on the record's two fast pieces. "
                    "A mute thins and focuses the sound, bringing the horn close to the microphone "
                    "instead of filling the room. By 1957 the muted trumpet was one of the most "
                    "recognisable sounds in Davis's music. "
                    "On this record the mute goes with speed: according to the session discography it marks the two "
                    "fast pieces, this one and *Évasion de Julien*.",
                ],
                "sources": [LOSIN],
            },
            {
                "slug": "tenor-joins",
                "start": "0:55",
                "end": None,
                "title": "The tenor joins",
                "layer": "music",
                "scene": "out-of-paris",
                "performers": QUINTET,
                "commentary": [
                    "Barney Wilen's tenor completes the quintet. Wilen was born in Nice, and according "
                    "to biographical sources his father was American. That, and Davis himself, is why "
                    "the often-repeated line that Kenny Clarke was the only American in the band "
                    "should be retired. "
                    "He is heard on three of the five tracks of side A, and this is the only fast piece on that side.",
                ],
                "sources": [BIOGRAPHIES],
            },
            {
                "slug": "a-second-take",
                "start": "1:20",
                "end": "2:05",
                "title": "A second take",
                "layer": "story",
                "scene": "out-of-paris",
                "performers": [],
                "commentary": [
                    "The car sequence was played more than once; the LP uses the second take. The "
                    "Fontana CD 836 305 set the ten LP tracks beside all the studio takes, twenty-six "
                    "tracks and 71:18 in all.",
                    "Listening through them undoes the idea that the score was caught in one "
                    "unrepeatable pass. What you hear on the LP is a chosen take, and often an edited one.",
                ],
                "sources": [CD, LOSIN],
            },
            {
                "slug": "trumpet-in-front",
                "start": "1:32",
                "end": None,
                "title": "Trumpet in front",
                "layer": "music",
                "scene": "out-of-paris",
                "performers": NO_TENOR,
                "commentary": [
                    "The guide lets the tenor drop out for the last stretch, leaving the muted trumpet "
                    "in front. Note that LP order is not film order: on side A this drive sits between "
                    "the murder and Julien's trap in the lift, although in the story he is already stuck "
                    "when the car leaves Paris. The LP seems to have been sequenced for listening, not "
                    "as a reel-by-reel transcript.",
                ],
                "sources": [FILM, LP],
            },
        ],
    },
    # ------------------------------------------------------------------ A4
    {
        "number": 4,
        "side": "A",
        "slug": "julien-dans-lascenseur",
        "title_fr": "Julien dans l'ascenseur",
        "title_en": "Julien in the Elevator",
        "length": "2:07",
        "session_piece": "Assassinat",
        "take": 2,
        "take_note": "",
        "tempo_bpm": 104,
        "personnel": NO_TENOR,
        "scenes": ["trapped-in-the-lift"],
        "intro": [
            "The second take of \u201cAssassinat\u201d, the piece whose third take is *L'Assassinat de "
            "Carala* and whose first is *Visite du vigile*. Here it scores Julien's undoing: he has "
            "seen his rope still hanging from the building, gone back for it, and been caught in the "
            "lift when the power is cut for the weekend.",
            "As on *L'Assassinat de Carala*, trumpet, piano, bass and drums play without the tenor, "
            "according to the session discography.",
        ],
        "cues": [
            {
                "slug": "piano-and-bass",
                "start": "0:00",
                "end": None,
                "title": "Piano and bass, no drums",
                "layer": "music",
                "scene": "trapped-in-the-lift",
                "performers": ["rene-urtreger", "pierre-michelot"],
                "commentary": [
                    "The guide begins with piano and bass only: a small, closed sound for a small, "
                    "closed space. In the film Julien has reached his car, looked up, and seen the rope "
                    "he used still dangling against the facade. He leaves the engine running and goes "
                    "back in. "
                    "The session simply called the piece “Assassinat”; it was the LP that gave this take Julien's "
                    "name and the lift.",
                ],
                "sources": [FILM],
            },
            {
                "slug": "on-screen-the-cage-stops",
                "start": "0:08",
                "end": "0:58",
                "title": "On screen: the cage stops",
                "layer": "film",
                "scene": "trapped-in-the-lift",
                "performers": [],
                "commentary": [
                    "Julien takes the lift up to his floor. The building's power is switched off for the "
                    "weekend and the cage stops between floors with him inside.",
                    "For much of the rest of the film Maurice Ronet acts alone in this confined space, "
                    "trying one way out after another. Malle keeps returning to him between the other "
                    "strands of the night, so the lift becomes the film's stopped clock.",
                ],
                "sources": [FILM],
            },
            {
                "slug": "brushes-enter",
                "start": "0:14",
                "end": None,
                "title": "Brushes enter",
                "layer": "music",
                "scene": "trapped-in-the-lift",
                "performers": ["rene-urtreger", "pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "Kenny Clarke's brushes come in under piano and bass. If you follow the personnel "
                    "from track to track, only two names never leave: Clarke and Pierre Michelot play "
                    "on all ten tracks of the LP, according to the session discography. Whatever else "
                    "changes, the record's floor stays the same.",
                ],
                "sources": [LOSIN],
            },
            {
                "slug": "trumpet-arrives",
                "start": "0:36",
                "end": None,
                "title": "The trumpet arrives",
                "layer": "music",
                "scene": "trapped-in-the-lift",
                "performers": NO_TENOR,
                "commentary": [
                    "The trumpet arrives over the trio. This take and *L'Assassinat de Carala* come from "
                    "the same session piece on the same night, yet they serve opposite moments: one a "
                    "killing planned to the minute, the other the accident that wrecks the plan. The "
                    "same framework can carry both because it prescribes so little.",
                ],
                "sources": [LOSIN],
            },
            {
                "slug": "edited-and-untreated",
                "start": "0:58",
                "end": "1:40",
                "title": "Edited takes, untreated takes",
                "layer": "story",
                "scene": "trapped-in-the-lift",
                "performers": [],
                "commentary": [
                    "The versions on the LP and in the film were edited and given added echo; the "
                    "session takes, released later, are untreated. If you have both, compare this track "
                    "with its source take.",
                    "For a lift sequence the difference is suggestive: the echo lends a sense of space "
                    "to music that accompanies a man with almost none.",
                ],
                "sources": [CD, LABEL],
            },
            {
                "slug": "piano-steps-out",
                "start": "1:02",
                "end": None,
                "title": "The piano steps out",
                "layer": "music",
                "scene": "trapped-in-the-lift",
                "performers": ["miles-davis", "pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "The guide drops the piano, leaving trumpet, bass and drums. Pierre Michelot, "
                    "twenty-nine, was one of the most in-demand bassists in Paris. He and Clarke went on "
                    "to work together for years, including Bud Powell's Paris recordings of the early "
                    "1960s. "
                    "With Urtreger they form the spine of the record: the same three men play together on eight of "
                    "its ten tracks.",
                ],
                "sources": [BIOGRAPHIES],
            },
            {
                "slug": "all-four-close",
                "start": "1:28",
                "end": None,
                "title": "All four to the close",
                "layer": "music",
                "scene": "trapped-in-the-lift",
                "performers": NO_TENOR,
                "commentary": [
                    "The quartet closes together. Julien's night in the lift is the hinge of the plot: "
                    "while he is stuck, his car, his gun and his name travel on without him, and the "
                    "one alibi he will need later is the one he cannot use, because it would explain "
                    "why he came back.",
                ],
                "sources": [FILM],
            },
        ],
    },
    # ------------------------------------------------------------------ A5
    {
        "number": 5,
        "side": "A",
        "slug": "florence-sur-les-champs-elysees",
        "title_fr": "Florence sur les Champs-Élysées",
        "title_en": "Florence on the Champs-Élysées",
        "length": "2:50",
        "session_piece": "Nuit sur les Champs-Élysées",
        "take": 4,
        "take_note": "",
        "tempo_bpm": 76,
        "personnel": QUINTET,
        "scenes": ["the-stolen-car", "florence-walks-the-night"],
        "intro": [
            "The fourth take of \u201cNuit sur les Champs-Élysées\u201d, the piece whose third take opens "
            "the record as *Générique*. Here it follows Florence Carala through her night on the "
            "avenue, after she has seen Julien's car go by with another woman in it.",
            "The full quintet plays, according to the session discography. Of all the pairs on the "
            "LP, this one is the easiest to compare: same frame, same players, one take apart.",
        ],
        "cues": [
            {
                "slug": "trumpet-and-bass",
                "start": "0:00",
                "end": None,
                "title": "Trumpet and bass",
                "layer": "music",
                "scene": "the-stolen-car",
                "performers": ["miles-davis", "pierre-michelot"],
                "commentary": [
                    "The guide opens with trumpet and bass alone. Comparing this track with *Générique* "
                    "is the quickest way to hear what improvisation means on this record: the frame "
                    "stays, the details move. The guide marks the kinship by starting both tracks with "
                    "a reduced group. "
                    "The two takes sit at opposite ends of side A under different names, so a casual listener may "
                    "never notice that they share a source.",
                ],
                "sources": [LOSIN],
            },
            {
                "slug": "on-screen-the-car-goes-by",
                "start": "0:00",
                "end": "0:40",
                "title": "On screen: the car goes by",
                "layer": "film",
                "scene": "the-stolen-car",
                "performers": [],
                "commentary": [
                    "Florence is waiting at the café when Julien's convertible passes in the street with "
                    "a young woman in the passenger seat. She does not see that Louis, not Julien, is "
                    "driving; she sees only the girl, and concludes that she has been betrayed.",
                    "The misunderstanding sends her out into the night to look for him.",
                ],
                "sources": [FILM],
            },
            {
                "slug": "rhythm-section-joins",
                "start": "0:14",
                "end": None,
                "title": "The rhythm section joins",
                "layer": "music",
                "scene": "florence-walks-the-night",
                "performers": NO_TENOR,
                "commentary": [
                    "Piano and drums fill in behind the trumpet. Malle spoke of the score as a "
                    "counterpoint and called it elegiac, and Florence's walk is where the two ideas are "
                    "easiest to grasp. The picture shows a woman searching and hoping; the music stands "
                    "a little apart from her, mourning something she does not yet know she has lost.",
                ],
                "sources": [MALLE],
            },
            {
                "slug": "on-screen-the-avenue-by-night",
                "start": "0:45",
                "end": "1:50",
                "title": "On screen: the avenue by night",
                "layer": "film",
                "scene": "florence-walks-the-night",
                "performers": [],
                "commentary": [
                    "Florence walks the Champs-Élysées from bar to bar, asking after Julien. According "
                    "to accounts of the shoot, Henri Decaë filmed Jeanne Moreau in the street by the "
                    "light of the shop windows rather than under studio lamps.",
                    "For 1957 that was an unusually bare way to photograph a leading actress, and these "
                    "scenes are among the best remembered in the film.",
                ],
                "sources": [FILM, REFERENCE],
            },
            {
                "slug": "the-quintet",
                "start": "0:45",
                "end": None,
                "title": "The quintet",
                "layer": "music",
                "scene": "florence-walks-the-night",
                "performers": QUINTET,
                "commentary": [
                    "The tenor joins and all five play. Jeanne Moreau came to the recording session "
                    "too, and by several accounts she ran a makeshift bar for the musicians through the "
                    "night. The actress walking from bar to bar on the screen was, on the near side of "
                    "the projector, pouring the drinks.",
                ],
                "sources": [MALLE, REFERENCE],
            },
            {
                "slug": "tenor-in-front",
                "start": "1:25",
                "end": None,
                "title": "Tenor in front",
                "layer": "music",
                "scene": "florence-walks-the-night",
                "performers": ["barney-wilen", "rene-urtreger", "pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "The trumpet steps aside in the guide's arrangement and the tenor carries the line. "
                    "How did an American trumpeter come to score a French thriller in the first place? "
                    "The usual answer names Jean-Paul Rappeneau; other accounts credit Juliette Gréco, "
                    "Boris Vian or Marcel Romano. The sources disagree, and the guide does not choose.",
                ],
                "sources": [REFERENCE, BIOGRAPHIES],
            },
            {
                "slug": "fifty-minutes-eighteen-used",
                "start": "1:50",
                "end": "2:40",
                "title": "Fifty minutes, eighteen used",
                "layer": "story",
                "scene": "florence-walks-the-night",
                "performers": [],
                "commentary": [
                    "About fifty minutes of music were recorded that night, and roughly eighteen made "
                    "it into the film, according to accounts of the session. The LP, at 25:38, holds "
                    "more than the film uses but only half of what was taped.",
                    "The rest waited for the CD era, when every take was released. "
                    "Eighteen minutes of music in a film of about ninety-one leaves long stretches without score, "
                    "which makes each entry of the music count.",
                ],
                "sources": [LOSIN, CD],
            },
            {
                "slug": "all-five-to-the-end",
                "start": "2:00",
                "end": None,
                "title": "All five to the end",
                "layer": "music",
                "scene": "florence-walks-the-night",
                "performers": QUINTET,
                "commentary": [
                    "The trumpet returns and the full group plays out the guide's version. Florence's "
                    "search fails for reasons she cannot know: Julien is not with another woman but "
                    "shut in a dark lift. The film cuts between her walk and his cage all night, and "
                    "the music is what joins two people who can no longer reach each other.",
                ],
                "sources": [FILM],
            },
        ],
    },
    # ------------------------------------------------------------------ B1
    {
        "number": 6,
        "side": "B",
        "slug": "diner-au-motel",
        "title_fr": "Dîner au motel",
        "title_en": "Dinner at the Motel",
        "length": "3:58",
        "session_piece": "Motel",
        "take": 1,
        "take_note": "",
        "tempo_bpm": 66,
        "personnel": ["miles-davis", "pierre-michelot", "kenny-clarke"],
        "scenes": ["the-motel"],
        "intro": [
            "The longest track on the record and one of the barest: trumpet, bass and drums, with "
            "no piano or saxophone, according to the session discography. It is the first take of "
            "the session piece \u201cMotel\u201d.",
            "It also carries the record's best-known anecdote, told by Boris Vian in the original "
            "liner notes: an accident of the lip that Davis decided to keep.",
        ],
        "cues": [
            {
                "slug": "bass-alone",
                "start": "0:00",
                "end": None,
                "title": "Bass alone",
                "layer": "music",
                "scene": "the-motel",
                "performers": ["pierre-michelot"],
                "commentary": [
                    "The guide opens this long track with the bass alone. Three players is a small "
                    "ensemble for four minutes of music, and the open space is part of the sound. It "
                    "lets you hear each voice arrive. "
                    "In the story this is the calm before the worst of it: a pleasant evening at a roadside motel "
                    "that ends, a few hours later, in two killings.",
                ],
                "sources": [LOSIN],
            },
            {
                "slug": "on-screen-monsieur-and-madame-tavernier",
                "start": "0:10",
                "end": "1:30",
                "title": "On screen: Monsieur and Madame Tavernier",
                "layer": "film",
                "scene": "the-motel",
                "performers": [],
                "commentary": [
                    "Louis and Véronique reach a motel outside Paris and sign the register as Monsieur "
                    "and Madame Julien Tavernier. They spend the evening drinking with a German couple, "
                    "Horst and Frieda Bencker, played by Ivan Petrovich and Elga Andersen.",
                    "Two young people borrowing another man's name and car: the evening is "
                    "a kind of dressing-up game, and the audience knows the costume belongs to someone "
                    "who is stuck in a lift.",
                ],
                "sources": [FILM, REFERENCE],
            },
            {
                "slug": "brushes-join",
                "start": "0:16",
                "end": None,
                "title": "Brushes join",
                "layer": "music",
                "scene": "the-motel",
                "performers": ["pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "Clarke's brushes join the bass. What you hear now is the line-up of *Visite du "
                    "vigile* on side B: that track is bass and drums only, according to "
                    "the session discography. Add a trumpet and you have the line-up of this one. "
                    "Michelot and Clarke are the record's constant pair, and side B is where they are most exposed.",
                ],
                "sources": [LOSIN],
            },
            {
                "slug": "the-trumpet-and-the-lip",
                "start": "0:40",
                "end": None,
                "title": "The trumpet, and the lip",
                "layer": "music",
                "scene": "the-motel",
                "performers": ["miles-davis", "pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "Now the trumpet enters. Boris Vian's liner notes attach a story to this track: a "
                    "flake of skin from Davis's lip lodged in the mouthpiece and gave the horn a strange "
                    "sound, which Davis chose to keep.",
                    "The guide's synthesised trumpet cannot reproduce that, of course. If you want to "
                    "hear what Vian described, this is the track to seek out on the record itself.",
                ],
                "sources": [VIAN],
            },
            {
                "slug": "keeping-the-accident",
                "start": "1:30",
                "end": "2:30",
                "title": "Keeping the accident",
                "layer": "story",
                "scene": "the-motel",
                "performers": [],
                "commentary": [
                    "What makes Vian's anecdote worth retelling is the decision in it. A fault in the "
                    "equipment became part of the music because the player judged that it belonged, "
                    "a small instance of the attitude the whole night depended on.",
                    "Vian knew the instrument: he was an amateur jazz trumpeter himself. Still, the "
                    "story rests on his telling, and a careful listener should treat it as one "
                    "witness's account.",
                ],
                "sources": [VIAN, BIOGRAPHIES],
            },
            {
                "slug": "trumpet-and-bass",
                "start": "1:50",
                "end": None,
                "title": "Trumpet and bass",
                "layer": "music",
                "scene": "the-motel",
                "performers": ["miles-davis", "pierre-michelot"],
                "commentary": [
                    "The guide lets the drums fall silent, leaving trumpet and bass in conversation. "
                    "With no chordal instrument, nothing cushions the horn; every inflection is exposed. "
                    "That exposure suits a scene in which two young people are pretending to be who "
                    "they are not. "
                    "Of the LP's ten tracks, only this one and *Visite du vigile* do without the piano, and only "
                    "this one sets the trumpet over bass and drums alone.",
                ],
                "sources": [LOSIN],
            },
            {
                "slug": "the-camera",
                "start": "2:40",
                "end": None,
                "title": "The camera",
                "layer": "music",
                "scene": "the-motel",
                "performers": ["miles-davis", "pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "The brushes return under trumpet and bass. In the story, photographs are taken "
                    "that evening with the small camera Louis found in Julien's car, and the roll is "
                    "left at the motel to be developed.",
                    "It looks like a holiday souvenir. It is the thread that will unravel everything in "
                    "the film's last scene, *Chez le photographe du motel*.",
                ],
                "sources": [FILM],
            },
            {
                "slug": "on-screen-the-early-hours",
                "start": "2:40",
                "end": "3:50",
                "title": "On screen: the early hours",
                "layer": "film",
                "scene": "the-motel",
                "performers": [],
                "commentary": [
                    "In the early hours Louis tries to make off with the Benckers' Mercedes. Horst catches him, "
                    "and Louis shoots him and Frieda with the gun from Julien's car.",
                    "Because of the car, the gun and the name in the register, the police will soon be "
                    "looking for Julien Tavernier, who at that hour is still trapped in a lift in Paris.",
                ],
                "sources": [FILM],
            },
            {
                "slug": "bass-and-drums-close",
                "start": "3:15",
                "end": None,
                "title": "Bass and drums close",
                "layer": "music",
                "scene": "the-motel",
                "performers": ["pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "The trumpet falls away and the guide ends with bass and drums. On side B this "
                    "track is followed by the fast *Évasion de Julien* and then by the trumpetless "
                    "*Visite du vigile*. Taken together, the three show how far the record travels from "
                    "the standard quintet sound of side A.",
                ],
                "sources": [LOSIN],
            },
        ],
    },
    # ------------------------------------------------------------------ B2
    {
        "number": 7,
        "side": "B",
        "slug": "evasion-de-julien",
        "title_fr": "Évasion de Julien",
        "title_en": "Julien's Escape",
        "length": "0:53",
        "session_piece": "Ascenseur",
        "take": 1,
        "take_note": "unedited take 1:56",
        "tempo_bpm": 208,
        "personnel": QUINTET,
        "scenes": ["escape-and-arrest"],
        "intro": [
            "At fifty-three seconds, the shortest track on the record, and the plainest evidence of "
            "editing: the session take it comes from, the first take of the piece called "
            "\u201cAscenseur\u201d, runs 1:56 unedited. The LP keeps less than half of it.",
            "It is the second of the two fast pieces with muted trumpet, the other being *Sur "
            "l'autoroute*, and the full quintet plays, according to the session discography.",
        ],
        "cues": [
            {
                "slug": "everyone-at-once",
                "start": "0:00",
                "end": None,
                "title": "Everyone at once",
                "layer": "music",
                "scene": "escape-and-arrest",
                "performers": QUINTET,
                "commentary": [
                    "No slow build this time: the guide's arrangement starts with all five at a fast "
                    "tempo. The session named the piece after the lift, \u201cAscenseur\u201d; the LP named "
                    "the track after the way out of it. "
                    "Like every track on the LP this is an edited version, and the film uses its own edit. At this "
                    "tempo the guide's cues come thick and fast, four music cues in fifty-three seconds, so watch "
                    "the players' marks change.",
                ],
                "sources": [LOSIN],
            },
            {
                "slug": "on-screen-out-of-the-cage",
                "start": "0:00",
                "end": "0:40",
                "title": "On screen: out of the cage",
                "layer": "film",
                "scene": "escape-and-arrest",
                "performers": [],
                "commentary": [
                    "When the lift finally moves, Julien slips out of the building into a city where he "
                    "is already a wanted man. His car, his gun and his name in a motel register tie him "
                    "to the Benckers' deaths, and he is arrested for murders he did not commit.",
                    "The alibi is perfect and unusable: he spent the night in a lift, but only because "
                    "he had gone back to the scene of the murder he did commit.",
                ],
                "sources": [FILM],
            },
            {
                "slug": "tenor-drops-out",
                "start": "0:12",
                "end": None,
                "title": "The tenor drops out",
                "layer": "music",
                "scene": "escape-and-arrest",
                "performers": NO_TENOR,
                "commentary": [
                    "The guide pulls the tenor out and leaves the muted trumpet in front. Muted horn "
                    "over a fast pulse links this track to *Sur l'autoroute* on side A: the film's two "
                    "flights, a joyride out of Paris and a way out of a cage, share a sound. "
                    "Both pieces were played by the full quintet, according to the discography.",
                ],
                "sources": [LOSIN],
            },
            {
                "slug": "the-cut",
                "start": "0:20",
                "end": "0:50",
                "title": "From 1:56 to 0:53",
                "layer": "story",
                "scene": "escape-and-arrest",
                "performers": [],
                "commentary": [
                    "Cutting a take from 1:56 to 0:53 is not a trim but a rebuilding: someone chose "
                    "which passages to keep and where to join them. This is the plainest answer to the "
                    "legend of a score captured in a single pass, in sync with the film.",
                    "The record shows several takes of each piece, and a pair of scissors.",
                ],
                "sources": [LOSIN, CD],
            },
            {
                "slug": "horns-out",
                "start": "0:24",
                "end": None,
                "title": "Horns out",
                "layer": "music",
                "scene": "escape-and-arrest",
                "performers": ["rene-urtreger", "pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "Both horns drop out and the trio carries on alone. There is a true piano-trio piece "
                    "among the session's takes: \u201cL'interrogatoire de Julien\u201d, whose title means "
                    "Julien's interrogation, is played by piano, bass and drums, according to the "
                    "session discography. It did not make the LP. "
                    "It shows Urtreger, Michelot and Clarke working as a unit, with no horn in front of them.",
                ],
                "sources": [LOSIN, CD],
            },
            {
                "slug": "all-five-to-the-end",
                "start": "0:38",
                "end": None,
                "title": "All five to the end",
                "layer": "music",
                "scene": "escape-and-arrest",
                "performers": QUINTET,
                "commentary": [
                    "Everyone back for the last seconds. If you have the complete-takes CD, play the "
                    "untreated 1:56 take after this track. The LP version also carries the added echo "
                    "the session tapes lack, so the comparison shows both kinds of editing at once, in "
                    "time and in sound. "
                    "The untreated takes are on the Fontana CD and in Decca's 2018 set of the complete session.",
                ],
                "sources": [CD, LABEL],
            },
        ],
    },
    # ------------------------------------------------------------------ B3
    {
        "number": 8,
        "side": "B",
        "slug": "visite-du-vigile",
        "title_fr": "Visite du vigile",
        "title_en": "The Night Watchman's Rounds",
        "length": "2:00",
        "session_piece": "Assassinat",
        "take": 1,
        "take_note": "",
        "tempo_bpm": 116,
        "personnel": ["pierre-michelot", "kenny-clarke"],
        "scenes": ["the-watchmans-rounds"],
        "intro": [
            "Bass and drums only, according to the session discography: no trumpet, no piano, no "
            "saxophone. It is the first take of \u201cAssassinat\u201d, the piece whose later takes became "
            "*Julien dans l'ascenseur* and *L'Assassinat de Carala*, so the LP's most skeletal track is "
            "also the earliest version of that material.",
            "Why this take has no trumpet or piano when the later takes of the piece do is not "
            "explained in the sources we have. The personnel comes from the discography and is worth checking by ear.",
        ],
        "cues": [
            {
                "slug": "drums-alone",
                "start": "0:00",
                "end": None,
                "title": "Drums alone",
                "layer": "music",
                "scene": "the-watchmans-rounds",
                "performers": ["kenny-clarke"],
                "commentary": [
                    "The guide begins with the drums alone. Kenny Clarke had been the Modern Jazz "
                    "Quartet's first drummer before settling in Paris in 1956. On this track, more "
                    "than anywhere on the record, the drummer is not accompanying anyone: he is half "
                    "of the music. "
                    "Clarke was forty-three at the session, more than twice the age of Barney Wilen.",
                ],
                "sources": [BIOGRAPHIES, LOSIN],
            },
            {
                "slug": "on-screen-the-round",
                "start": "0:05",
                "end": "1:05",
                "title": "On screen: the round",
                "layer": "film",
                "scene": "the-watchmans-rounds",
                "performers": [],
                "commentary": [
                    "While Julien is stuck in the lift, the night watchman makes his rounds of the "
                    "building. Malle builds suspense out of routine: each pass brings discovery closer.",
                    "Being found would save Julien from the cage but not from the question of why he "
                    "came back to an empty office on a Saturday night.",
                ],
                "sources": [FILM],
            },
            {
                "slug": "bass-enters",
                "start": "0:12",
                "end": None,
                "title": "The bass enters",
                "layer": "music",
                "scene": "the-watchmans-rounds",
                "performers": ["pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "Pierre Michelot's bass joins the drums. In 1988 Michelot recalled that Davis "
                    "\u201cjust asked us to play two chords, D minor and C7, 4 bars of each, ad lib.\u201d",
                    "That is the only sourced account of the harmony, and it does not say which pieces "
                    "it applied to. The guide's audio borrows the two chords as an illustration, nothing "
                    "more.",
                ],
                "sources": [MICHELOT],
            },
            {
                "slug": "bass-alone",
                "start": "0:36",
                "end": None,
                "title": "Bass alone",
                "layer": "music",
                "scene": "the-watchmans-rounds",
                "performers": ["pierre-michelot"],
                "commentary": [
                    "The guide leaves the bass on its own for a stretch. Malle later called this one of "
                    "the rare film scores entirely improvised, and a track for two players shows what "
                    "that can mean at its plainest: two musicians listening to each other and to the "
                    "picture, with no written part between them.",
                ],
                "sources": [MALLE],
            },
            {
                "slug": "together-again",
                "start": "0:58",
                "end": None,
                "title": "Together again",
                "layer": "music",
                "scene": "the-watchmans-rounds",
                "performers": ["pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "Bass and drums together again. Michelot and Clarke were a familiar pairing on Paris "
                    "bandstands, and they are the only two musicians who play on every track of this "
                    "LP, according to the session discography. Here, for once, nobody stands in front "
                    "of them. "
                    "Listen for how much two players can imply: in the guide's audio the bass alone still outlines "
                    "both chords of the vamp.",
                ],
                "sources": [LOSIN],
            },
            {
                "slug": "who-was-in-the-room",
                "start": "1:05",
                "end": "1:50",
                "title": "Who was in the room",
                "layer": "story",
                "scene": "the-watchmans-rounds",
                "performers": [],
                "commentary": [
                    "The studio that night held more than the band: Louis Malle, Jeanne Moreau, "
                    "producers and technicians, and, according to one account, the assistant director "
                    "François Leterrier.",
                    "Marcel Romano is sometimes added to the list, but his presence is not "
                    "confirmed. Like the watchman, the guide notes who is there and who might not be.",
                ],
                "sources": [LETERRIER, MALLE],
            },
            {
                "slug": "to-the-end",
                "start": "1:25",
                "end": None,
                "title": "To the end of the round",
                "layer": "music",
                "scene": "the-watchmans-rounds",
                "performers": ["pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "Bass and drums carry the guide's version to its end. On the LP this track follows "
                    "*Évasion de Julien*, so a listener hears the escape before the watchman's round "
                    "that happens while Julien is still trapped. Side B, like side A, is ordered as a "
                    "record rather than as the film.",
                ],
                "sources": [FILM, LP],
            },
        ],
    },
    # ------------------------------------------------------------------ B4
    {
        "number": 9,
        "side": "B",
        "slug": "au-bar-du-petit-bac",
        "title_fr": "Au bar du Petit Bac",
        "title_en": "At the Petit Bac Bar",
        "length": "2:50",
        "session_piece": "Le petit bac",
        "take": 2,
        "take_note": "",
        "tempo_bpm": 126,
        "personnel": QUINTET,
        "scenes": ["florence-walks-the-night"],
        "intro": [
            "The session called this piece \u201cLe petit bac\u201d, and the LP title places it in a bar of "
            "that name. Where it belongs in the film is less certain. It is usually associated with "
            "Florence's night of bars and may accompany one of her stops, but we have not found a "
            "source that confirms the placement, so the guide files it under her night with that "
            "caveat.",
            "The full quintet plays this second take, according to the session discography.",
        ],
        "cues": [
            {
                "slug": "piano-and-bass",
                "start": "0:00",
                "end": None,
                "title": "Piano and bass",
                "layer": "music",
                "scene": "florence-walks-the-night",
                "performers": ["rene-urtreger", "pierre-michelot"],
                "commentary": [
                    "The guide opens with piano and bass. René Urtreger plays on eight of the ten LP "
                    "tracks, missing only the two small-group pieces. A few years later he, Michelot "
                    "and the drummer Daniel Humair formed the trio HUM, named from their initials. "
                    "The session's name for the piece, “Le petit bac”, is also the name of a French word game, but "
                    "the LP title makes it a bar.",
                ],
                "sources": [LOSIN, BIOGRAPHIES],
            },
            {
                "slug": "on-screen-a-bar-perhaps-hers",
                "start": "0:00",
                "end": "1:00",
                "title": "On screen: a bar, perhaps hers",
                "layer": "film",
                "scene": "florence-walks-the-night",
                "performers": [],
                "commentary": [
                    "If this music belongs to Florence's search, it is the sound of one more bar where "
                    "nobody has seen Julien. We flag the link as unconfirmed: the title names a bar, but "
                    "the sources at hand do not say which scene the piece accompanies in the film.",
                    "Teachers using this track should present the placement as a likely reading, not a fact.",
                ],
                "sources": [LOSIN, FILM],
            },
            {
                "slug": "drums-enter",
                "start": "0:14",
                "end": None,
                "title": "Drums enter",
                "layer": "music",
                "scene": "florence-walks-the-night",
                "performers": ["rene-urtreger", "pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "The drums complete the rhythm section. The LP uses the second take of this piece; "
                    "the first, according to the session discography, has a bass solo by Pierre "
                    "Michelot. Both are on the CD editions that collect the whole session. "
                    "That first take offers something rare on this record: Michelot as soloist rather than as the "
                    "floor under everyone else.",
                ],
                "sources": [LOSIN, CD],
            },
            {
                "slug": "both-horns",
                "start": "0:40",
                "end": None,
                "title": "Both horns",
                "layer": "music",
                "scene": "florence-walks-the-night",
                "performers": QUINTET,
                "commentary": [
                    "Trumpet and tenor join and the guide's quintet is complete. American listeners "
                    "first met this music as imports from September 1959, then in November 1959 as side "
                    "1 of Columbia's *Jazz Track* (CL 1268), nominated for a Grammy in 1960. The claim "
                    "that it reached the United States only in the 1990s is simply wrong.",
                ],
                "sources": [JAZZ_TRACK],
            },
            {
                "slug": "the-ten-inch-again",
                "start": "1:00",
                "end": "1:50",
                "title": "The ten-inch, again",
                "layer": "story",
                "scene": "florence-walks-the-night",
                "performers": [],
                "commentary": [
                    "Decca issued the complete session in 2018 as a set of three 10-inch discs, echoing the format "
                    "of the original Fontana LP, and followed it with a 180-gram LP in "
                    "2024.",
                    "Between Fontana's 1958 original and those sets came *Jazz Track*, the Fontana CD "
                    "with every take, and a standalone US CD around 1990.",
                ],
                "sources": [DECCA, CD, JAZZ_TRACK],
            },
            {
                "slug": "trumpet-lays-out",
                "start": "1:15",
                "end": None,
                "title": "The trumpet lays out",
                "layer": "music",
                "scene": "florence-walks-the-night",
                "performers": ["barney-wilen", "rene-urtreger", "pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "The guide drops the trumpet and gives the tenor the front of the stage. Barney "
                    "Wilen was soon back in a film studio: he went on to record with Art "
                    "Blakey's Jazz Messengers for Roger Vadim's *Les Liaisons dangereuses 1960*. Malle's "
                    "film was not the last French picture of those years to turn to modern jazz.",
                ],
                "sources": [BIOGRAPHIES],
            },
            {
                "slug": "session-names-lp-names",
                "start": "1:55",
                "end": None,
                "title": "Session names, LP names",
                "layer": "music",
                "scene": "florence-walks-the-night",
                "performers": QUINTET,
                "commentary": [
                    "All five close the guide's version. Notice the two sets of names on this record: "
                    "the session's are practical labels (\u201cSéquence voiture\u201d, \u201cMotel\u201d, "
                    "\u201cFinal\u201d), while the LP's tell a story, with characters and places.",
                    "Who wrote the LP titles is not something our sources record. "
                    "For a guide like this one both matter: the session name tells you which takes are siblings, "
                    "the LP name which scene the record assigns them to.",
                ],
                "sources": [LOSIN, LP],
            },
        ],
    },
    # ------------------------------------------------------------------ B5
    {
        "number": 10,
        "side": "B",
        "slug": "chez-le-photographe-du-motel",
        "title_fr": "Chez le photographe du motel",
        "title_en": "At the Motel Photographer's",
        "length": "3:50",
        "session_piece": "Final",
        "take": 3,
        "take_note": "",
        "tempo_bpm": 76,
        "personnel": NO_TENOR,
        "scenes": ["the-darkroom"],
        "intro": [
            "The session called it \u201cFinal\u201d, and it ends both the film and the record. This third "
            "take is played by trumpet, piano, bass and drums, without Barney Wilen, according to the "
            "session discography.",
            "In the story, a roll of film left at the motel is developed, and the pictures on it "
            "settle two crimes at once.",
        ],
        "cues": [
            {
                "slug": "piano-and-bass",
                "start": "0:00",
                "end": None,
                "title": "Piano and bass",
                "layer": "music",
                "scene": "the-darkroom",
                "performers": ["rene-urtreger", "pierre-michelot"],
                "commentary": [
                    "The guide opens the last track with piano and bass. \u201cFinal\u201d is the plainest "
                    "working title of the night. Like \u201cMotel\u201d or \u201cSéquence voiture\u201d, it "
                    "names a job to be done, a stretch of film to be scored, rather than a tune. "
                    "It is one of three LP tracks, with *L'Assassinat de Carala* and *Julien dans l'ascenseur*, on "
                    "which trumpet, piano, bass and drums play without the tenor.",
                ],
                "sources": [LOSIN],
            },
            {
                "slug": "on-screen-the-prints-come-up",
                "start": "0:00",
                "end": "1:20",
                "title": "On screen: the prints come up",
                "layer": "film",
                "scene": "the-darkroom",
                "performers": [],
                "commentary": [
                    "In the motel photographer's darkroom the roll from Julien's camera is developed. "
                    "The pictures of Louis with the Benckers clear Julien of their deaths; but the same "
                    "roll holds earlier pictures of Julien and Florence together, and with them the "
                    "affair and the motive for Carala's murder come to light.",
                    "The lovers, who never appear together on screen, meet at last only in these prints.",
                ],
                "sources": [FILM],
            },
            {
                "slug": "drums-enter",
                "start": "0:16",
                "end": None,
                "title": "Drums enter",
                "layer": "music",
                "scene": "the-darkroom",
                "performers": ["rene-urtreger", "pierre-michelot", "kenny-clarke"],
                "commentary": [
                    "The brushes come in under piano and bass. Julien's camera has been in the story "
                    "since Louis found it in the stolen car, and Horst Bencker used it at the motel; "
                    "now it testifies. Malle plants the clue early and lets it wait, as patiently as "
                    "the loops of film that ran in front of the band at Le Poste Parisien.",
                ],
                "sources": [FILM],
            },
            {
                "slug": "toward-kind-of-blue",
                "start": "0:45",
                "end": None,
                "title": "Toward Kind of Blue",
                "layer": "music",
                "scene": "the-darkroom",
                "performers": NO_TENOR,
                "commentary": [
                    "The trumpet enters. This score is often described as Davis's first step toward "
                    "*Kind of Blue*, recorded in 1959, about fifteen months after the Paris session "
                    "rather than the two years sometimes quoted.",
                    "The link is an idea: improvising over very few chords held for a long time. "
                    "Michelot's recollection of two chords, four bars each, fits it, though no source "
                    "ties those chords to this or any other track.",
                ],
                "sources": [MICHELOT, REFERENCE],
            },
            {
                "slug": "how-long-was-the-night",
                "start": "1:20",
                "end": "2:20",
                "title": "How long was the night?",
                "layer": "story",
                "scene": "the-darkroom",
                "performers": [],
                "commentary": [
                    "Accounts of the session's length disagree. Malle remembered staying \u201cfrom ten "
                    "or eleven in the evening until eight in the morning\u201d, and Leterrier also recalled "
                    "working until dawn; one label text says barely three hours.",
                    "The guide reports both rather than choosing. A useful exercise for students is to "
                    "ask which kind of source each account is, and what each had reason to remember.",
                ],
                "sources": [MALLE, LETERRIER, LABEL],
            },
            {
                "slug": "trumpet-and-bass",
                "start": "1:35",
                "end": None,
                "title": "Trumpet and bass",
                "layer": "music",
                "scene": "the-darkroom",
                "performers": ["miles-davis", "pierre-michelot"],
                "commentary": [
                    "The guide strips the band to trumpet and bass. Malle believed that without this "
                    "music the film would not have had the reception it got. It won the Prix "
                    "Louis-Delluc for 1957 and opened in France on 29 January 1958; the record is "
                    "reported to have won the Grand Prix "
                    "du Disque of the Académie Charles Cros that same year.",
                ],
                "sources": [MALLE, REFERENCE],
            },
            {
                "slug": "fontana-and-vian",
                "start": "2:20",
                "end": None,
                "title": "Fontana, and Vian's notes",
                "layer": "music",
                "scene": "the-darkroom",
                "performers": ["miles-davis", "rene-urtreger", "pierre-michelot"],
                "commentary": [
                    "Piano returns beside trumpet and bass. The ten pieces first appeared in France in "
                    "1958 as a 10-inch mono LP on Fontana, 660.213 MR, with notes by Boris Vian: "
                    "novelist, songwriter, critic and trumpeter, who died the following year. "
                    "Those notes are where the story of the lip and the mouthpiece comes from, and they are the "
                    "earliest account of the record among the sources this guide draws on.",
                ],
                "sources": [VIAN],
            },
            {
                "slug": "where-to-listen-next",
                "start": "3:00",
                "end": None,
                "title": "Where to listen next",
                "layer": "music",
                "scene": "the-darkroom",
                "performers": NO_TENOR,
                "commentary": [
                    "The quartet plays the guide out. For further listening, three comparisons repay "
                    "the effort: *Générique* against *Florence sur les Champs-Élysées*, two takes of one "
                    "piece; the three takes of \u201cAssassinat\u201d; and any LP track against its "
                    "untreated session take, to hear what editing and echo added. "
                    "And if you can, watch the film with the sound up: the music is easiest to understand where it "
                    "meets the pictures it was made for.",
                ],
                "sources": [CD, LOSIN],
            },
        ],
    },
]
