#include "demo/demotext.h"

#include <array>

namespace aftercare::DemoText {

namespace {

constexpr std::array<const char*, 64> kFemale{
    "Anna",       "Lena",      "Sophie",  "Marie",      "Hannah", "Laura",       "Julia",
    "Katharina",  "Sabine",    "Ursula",  "Brigitte",   "Gisela", "Jutta",       "Käthe",
    "Jördis",     "Björg",     "Renée",   "Chloé",      "Zoë",    "Anaïs",       "Emily",
    "Olivia",     "Charlotte", "Grace",   "Siobhán",    "Aoife",  "Niamh",       "Saoirse",
    "Aylin",      "Elif",      "Zeynep",  "Fatma",      "María",  "Lucía",       "Inés",
    "Małgorzata", "Agnieszka", "Dragana", "Jelena",     "Ana",    "Mei",         "Yuki",
    "Priya",      "Ngozi",     "Amara",   "Fatima",     "Leyla",  "Noor",        "Ingrid",
    "Astrid",     "Sigrid",    "Hélène",  "Margarethe", "Ines",   "Franziska",   "Johanna",
    "Mia",        "Emma",      "Lea",     "Greta",      "D'Arcy", "Marie-Luise", "Eleni",
    "Dorothée",
};

constexpr std::array<const char*, 56> kMale{
    "Jürgen",      "Björn",      "Sören",  "Jörg",     "Günther", "Uwe",    "Klaus",
    "Matthias",    "Thomas",     "Stefan", "Michael",  "Andreas", "Lukas",  "Felix",
    "Jonas",       "Maximilian", "Paul",   "Leon",     "James",   "Oliver", "Harry",
    "William",     "Seán",       "Ciarán", "Pádraig",  "Eoin",    "Mehmet", "Mustafa",
    "Emre",        "Yusuf",      "José",   "Andrés",   "Jesús",   "Łukasz", "Paweł",
    "Tomáš",       "Dušan",      "Miloš",  "François", "Jérôme",  "René",   "Noël",
    "Hiroshi",     "Wei",        "Arjun",  "Chidi",    "Kwame",   "Omar",   "Karl-Heinz",
    "Hans-Jürgen", "Ole",        "Nils",   "Lars",     "Erik",    "Mario",  "Giuseppe",
};

constexpr std::array<const char*, 12> kNeutral{
    "Alex", "Robin", "Kim",  "Sascha", "Andrea", "Charlie",
    "Sam",  "Noa",   "Luca", "Jule",   "Eike",   "Toni",
};

constexpr std::array<const char*, 96> kLast{
    "Müller",     "Schmidt",    "Schneider",    "Fischer",    "Weber",      "Meyer",
    "Wagner",     "Becker",     "Schulz",       "Hoffmann",   "Schäfer",    "Koch",
    "Bauer",      "Richter",    "Klein",        "Wolf",       "Schröder",   "Neumann",
    "Schwarz",    "Zimmermann", "Braun",        "Krüger",     "Hofmann",    "Hartmann",
    "Lange",      "Schmitt",    "Werner",       "Krause",     "Meier",      "Lehmann",
    "Köhler",     "Weiß",       "Groß",         "Jäger",      "Böhm",       "Günther",
    "Löffler",    "Nußbaum",    "Österreicher", "Mühlbauer",  "O'Brien",    "O'Connor",
    "O'Sullivan", "D'Angelo",   "D'Souza",      "N'Diaye",    "McAllister", "MacLeod",
    "Smith",      "Johnson",    "Williams",     "Brown",      "Taylor",     "Walsh",
    "Byrne",      "Ní Bhriain", "Yılmaz",       "Kaya",       "Demir",      "Şahin",
    "Çelik",      "Öztürk",     "García",       "López",      "Martínez",   "Fernández",
    "Núñez",      "Peña",       "Kowalski",     "Wiśniewski", "Wójcik",     "Dąbrowski",
    "Novák",      "Dvořák",     "Jovanović",    "Petrović",   "Dubois",     "Lefèvre",
    "Mercier",    "Girard",     "Rossi",        "Esposito",   "Ricci",      "Nguyễn",
    "Tran",       "Chen",       "Wang",         "Kim",        "Okafor",     "Mensah",
    "Haddad",     "Al-Sayed",   "van der Berg", "de Vries",   "Jensen",     "Lindqvist",
};

constexpr std::array<const char*, 24> kStreets{
    "Hauptstraße",  "Bahnhofstraße", "Gartenweg",  "Lindenallee",     "Schillerstraße",
    "Goethestraße", "Am Mühlbach",   "Kirchplatz", "Rosenweg",        "Birkenstraße",
    "Marktplatz",   "Schulstraße",   "Waldstraße", "Am Stadtpark",    "Friedrich-Ebert-Straße",
    "Königsallee",  "Uferweg",       "Parkstraße", "Ahornweg",        "Bergstraße",
    "Wiesenstraße", "Amselweg",      "Sonnenhang", "Zur Alten Mühle",
};

constexpr std::array<const char*, 12> kTowns{
    "79098 Freiburg im Breisgau",
    "79100 Freiburg im Breisgau",
    "79104 Freiburg im Breisgau",
    "79106 Freiburg im Breisgau",
    "79110 Freiburg im Breisgau",
    "79111 Freiburg im Breisgau",
    "79115 Freiburg im Breisgau",
    "79117 Freiburg im Breisgau",
    "79189 Bad Krozingen",
    "79211 Denzlingen",
    "79224 Umkirch",
    "79199 Kirchzarten",
};

constexpr std::array<Weighted, 10> kReferralSources{{
    {"Website", 18},
    {"Google", 22},
    {"Doctor referral", 16},
    {kClientReferral, 18},
    {"Flyer", 5},
    {"Health insurer", 6},
    {"Sports club", 5},
    {"Instagram", 4},
    {"Local newspaper", 3},
    {"Walk-in", 3},
}};

constexpr std::array<const char*, 10> kExpectations{
    "Wants a thorough check-up and clear explanations.",
    "Back pain since the winter; hopes to be able to run again.",
    "Would like help with losing weight sustainably.",
    "Prefers appointments early in the morning.",
    "Anxious about blood draws; please take time.",
    "Wants everything in writing, by e-mail.",
    "Möchte ohne lange Wartezeit drankommen.",
    "Training for a half marathon in the autumn.",
    "Came because a friend was very happy here.",
    "",
};

constexpr std::array<const char*, 10> kCancellationReasons{
    "Client is ill",
    "Childcare fell through",
    "Work commitment",
    "Travelling",
    "Transport problem",
    "Rescheduled at the client's request",
    "Practitioner unavailable",
    "Symptoms have improved",
    "Termin vergessen, neu vereinbart",
    "Weather (snow, roads closed)",
};

constexpr std::array<const char*, 12> kPraise{
    "Very friendly team and no waiting at all.",
    "Took the time to explain everything. Thank you!",
    "Super freundlich, ich fühle mich gut aufgehoben.",
    "Best physiotherapy I have had – my knee is much better.",
    "Quick appointment, clear results, great follow-up call.",
    "The reminder by SMS was really helpful.",
    "Sehr kompetent und einfühlsam.",
    "Loved the calm atmosphere. I'll be back.",
    "The nutrition plan is realistic – finally something that works.",
    "Reception was warm and efficient, as always.",
    "Merci beaucoup, très professionnel!",
    "Everything on time, parking was easy.",
};

constexpr std::array<const char*, 10> kMixed{
    "Good treatment, but I waited 20 minutes.",
    "Fine overall; the invoice came a bit late.",
    "Nett, aber die Parkplatzsuche ist mühsam.",
    "Okay, though I would have liked more time to ask questions.",
    "The online booking was confusing.",
    "Competent, but the results took longer than promised.",
    "Room was a bit cold.",
    "Good advice, but expensive.",
    "Phone line was busy for ages.",
    "Alles in Ordnung, nichts Besonderes.",
};

constexpr std::array<const char*, 10> kComplaints{
    "Waited 45 minutes without an explanation.",
    "Nobody called me back about my results.",
    "Felt rushed; the doctor barely listened.",
    "Invoice was higher than what I was told.",
    "Lange Wartezeit und unfreundlicher Empfang.",
    "My appointment was cancelled at short notice – twice.",
    "The exercises hurt and nobody checked on me afterwards.",
    "Could not reach anyone by phone.",
    "I was charged for an appointment I cancelled in time.",
    "Not what I expected after the great reviews.",
};

constexpr std::array<const char*, 8> kCheckinNotes{
    "Feeling better, no questions.",
    "Mild soreness as expected; advised to continue exercises.",
    "Doing well, will book a follow-up if needed.",
    "Asked about the invoice; explained the items.",
    "Still some pain; booked a follow-up.",
    "Very satisfied, thanked the team.",
    "Fühlt sich gut, keine Beschwerden.",
    "Questions about medication answered.",
};

constexpr std::array<const char*, 5> kNoAnswerNotes{
    "No answer, will try again.",
    "Left a voicemail asking for a call back.",
    "Line busy.",
    "Mailbox full.",
    "Nicht erreicht, erneut versuchen.",
};

constexpr std::array<const char*, 6> kDetractorNotes{
    "Apologised for the waiting time; offered a morning slot next time.",
    "Explained the invoice line by line; client accepted.",
    "Client felt rushed; booked a longer follow-up free of charge.",
    "Passed the complaint to the practice manager; client thanked us for calling.",
    "Could not resolve; client will look for another practice.",
    "Result call had been missed; explained the result now.",
};

constexpr std::array<const char*, 5> kRebookDeclinedNotes{
    "Client is fine for now and will call when needed.",
    "Moved away; no longer a client.",
    "Will book after the holidays.",
    "Not interested at the moment.",
    "Kein Bedarf derzeit.",
};

} // namespace

std::span<const char* const> femaleFirstNames()
{
    return kFemale;
}
std::span<const char* const> maleFirstNames()
{
    return kMale;
}
std::span<const char* const> neutralFirstNames()
{
    return kNeutral;
}
std::span<const char* const> lastNames()
{
    return kLast;
}

const char* firstName(int code)
{
    const auto index = static_cast<std::size_t>(code % 1000);
    switch (code / 1000) {
    case 0:
        return kFemale.at(index);
    case 1:
        return kMale.at(index);
    default:
        return kNeutral.at(index);
    }
}
std::span<const char* const> streets()
{
    return kStreets;
}
std::span<const char* const> towns()
{
    return kTowns;
}
std::span<const Weighted> referralSources()
{
    return kReferralSources;
}
std::span<const char* const> expectations()
{
    return kExpectations;
}
std::span<const char* const> cancellationReasons()
{
    return kCancellationReasons;
}
std::span<const char* const> praise()
{
    return kPraise;
}
std::span<const char* const> mixed()
{
    return kMixed;
}
std::span<const char* const> complaints()
{
    return kComplaints;
}
std::span<const char* const> checkinNotes()
{
    return kCheckinNotes;
}
std::span<const char* const> noAnswerNotes()
{
    return kNoAnswerNotes;
}
std::span<const char* const> detractorNotes()
{
    return kDetractorNotes;
}
std::span<const char* const> rebookDeclinedNotes()
{
    return kRebookDeclinedNotes;
}

} // namespace aftercare::DemoText
