#include "demo/democatalog.h"

namespace aftercare::DemoCatalog {

namespace {

using enum Discipline;

// Prices in cents; durations in minutes. The policy columns follow what such a practice does:
// a call a few days after a first consultation or an injury, a survey a day or two after
// most visits, a reminder when a client who should come back has not booked.
// clang-format off
constexpr std::array<Service, kServiceCount> kServices{{
    // name, minutes, price, check-in after days, survey after days, rebook after weeks,
    // steps (quality follow-up, feedback request, thank-you, community, newsletter),
    // preparation, discipline, course sessions (min, max), days between sessions
    {"Initial consultation", 45, 9500, 3, 2, 12, {true, true, true, false, true},
     "Please bring your health insurance card, a list of the medicines you take and any earlier "
     "findings or letters from other doctors. Plan about an hour, including the intake form.",
     Doctor, 1, 1, 0},
    {"Follow-up consultation", 30, 5500, -1, 3, 12, {false, true, true, false, false},
     "Please bring any new findings and a note of how you have been since your last visit.",
     Doctor, 1, 1, 0},
    {"Annual health check", 45, 14000, -1, 3, 52, {false, true, true, false, true},
     "Please come fasting (nothing to eat for 10 hours; water and unsweetened tea are fine) and "
     "bring your vaccination record. Your results follow within a week.",
     Doctor, 1, 1, 0},
    {"Blood test", 15, 3500, -1, -1, -1, {false, false, true, false, false},
     "Unless told otherwise, come fasting in the morning. Drink water beforehand; it makes the "
     "blood draw easier.",
     Doctor, 1, 1, 0},
    {"Ultrasound examination", 30, 9000, -1, 2, -1, {false, true, true, false, false},
     "For an abdominal ultrasound, please do not eat for 6 hours beforehand. Wear comfortable "
     "clothes.",
     Doctor, 1, 1, 0},
    {"Sports injury assessment", 60, 12000, 5, 2, 4, {true, true, true, false, true},
     "Wear sports clothes or shorts, bring your training shoes and any imaging reports (MRI, "
     "X-ray).",
     Physiotherapy, 1, 1, 0},
    {"Physiotherapy session", 45, 6800, -1, 1, 6, {false, true, true, true, true},
     "Wear comfortable clothes and bring a large towel. Please cancel at least 24 hours ahead if "
     "you cannot come.",
     Physiotherapy, 3, 6, 7},
    {"Nutrition counselling", 60, 8500, 14, 3, 8, {true, true, true, true, true},
     "Keep a food diary for the three days before your appointment and bring it along, with any "
     "recent blood results.",
     Nutrition, 2, 4, 28},
    {"Flu vaccination", 15, 2500, -1, -1, 52, {false, false, true, false, false},
     "Bring your vaccination record. Tell us if you have a fever or an allergy to chicken egg "
     "protein.",
     Doctor, 1, 1, 0},
}};
// clang-format on

constexpr std::array<Analyte, 6> kLipids{{
    {"Total cholesterol", "mg/dl", 1200, 2000, 1400, 1990, 2010, 2800},
    {"HDL cholesterol", "mg/dl", 400, -1, 410, 900, 250, 390},
    {"LDL cholesterol", "mg/dl", -1, 1300, 600, 1290, 1310, 2100},
    {"Triglycerides", "mg/dl", -1, 1500, 500, 1490, 1510, 4000},
    {"Fasting glucose", "mg/dl", 700, 990, 720, 990, 1010, 1600},
    {"HbA1c", "%", 40, 56, 43, 56, 57, 85},
}};
constexpr std::array<Analyte, 3> kBloodCount{{
    {"Haemoglobin", "g/dl", 120, 160, 121, 159, 90, 119},
    {"Leukocytes", "/nl", 40, 100, 41, 99, 101, 160},
    {"Platelets", "/nl", 1500, 4000, 1510, 3990, 900, 1490},
}};
constexpr std::array<Analyte, 1> kTsh{{{"TSH", "mU/l", 4, 40, 5, 39, 41, 90}}};
constexpr std::array<Analyte, 1> kVitaminD{
    {{"25-OH vitamin D", "ng/ml", 300, 1000, 301, 800, 80, 299}}};
constexpr std::array<Analyte, 2> kIron{{
    {"Ferritin", "µg/l", 150, 1500, 160, 1490, 40, 149},
    {"Transferrin saturation", "%", 160, 450, 161, 449, 80, 159},
}};

constexpr std::array<LabTest, kTestCount> kTests{{
    {"Lipid profile and glucose", kLipids, 220,
     "Your blood fats and blood sugar are all within the normal range. Keep up what you are doing; "
     "we will "
     "check again at your next health check.",
     "Some of your blood fat or blood sugar values are outside the normal range. This is common "
     "and usually "
     "manageable with diet, exercise or medication. Your doctor would like to talk it through with "
     "you."},
    {"Full blood count", kBloodCount, 100,
     "Your blood count is normal: red and white blood cells and platelets are all in the expected "
     "range.",
     "One or more values of your blood count are outside the normal range. This can have harmless "
     "causes, "
     "such as a recent infection; your doctor will explain what it means for you."},
    {"Thyroid function (TSH)", kTsh, 120,
     "Your thyroid is working normally; no treatment is needed.",
     "Your thyroid value (TSH) is outside the normal range. Your doctor would like to discuss "
     "whether further "
     "tests or treatment make sense."},
    {"Vitamin D (25-OH)", kVitaminD, 250, "Your vitamin D level is good.",
     "Your vitamin D level is low, which is very common in winter. Your doctor will suggest how to "
     "raise it, "
     "usually with a supplement."},
    {"Iron status", kIron, 150, "Your iron stores are normal.",
     "Your iron stores are low. Your doctor will talk with you about the cause and about iron-rich "
     "food or "
     "supplements."},
    {"Abdominal ultrasound",
     {},
     100,
     "The ultrasound of your abdomen showed no abnormality.",
     "The ultrasound of your abdomen showed a finding that your doctor would like to explain to "
     "you. It is "
     "usually harmless, but worth a conversation."},
}};

constexpr std::array<const char*, 4> kUltrasoundFindings{
    "No abnormality detected",
    "Gallbladder stone, 8 mm, no inflammation",
    "Mild fatty liver (steatosis)",
    "Simple renal cyst, 12 mm, left kidney",
};

// Per service: how often a visit produces a laboratory result (per mille), and which test
// (weights over kTests).
constexpr std::array<int, kServiceCount> kTestPerMille{400, 150, 1000, 1000, 1000, 0, 0, 250, 0};
constexpr std::array<std::array<int, kTestCount>, kServiceCount> kTestWeights{{
    {0, 40, 30, 15, 15, 0},
    {0, 30, 30, 20, 20, 0},
    {100, 0, 0, 0, 0, 0},
    {0, 30, 25, 25, 20, 0},
    {0, 0, 0, 0, 0, 100},
    {0, 0, 0, 0, 0, 0},
    {0, 0, 0, 0, 0, 0},
    {0, 0, 0, 50, 50, 0},
    {0, 0, 0, 0, 0, 0},
}};

// In the order they joined: the practice opened with two doctors and a physiotherapist, and
// hired as it grew.
constexpr std::array<Practitioner, 12> kPractitioners{{
    {"Dr. Miriam Albers", Doctor, true},
    {"Jan-Erik Sørensen", Physiotherapy, false},
    {"Dr. Aylin Demir", Doctor, false},
    {"Dr. Henrik Vogt", Doctor, false},
    {"Tomás O'Neill", Physiotherapy, false},
    {"Dr. Ngozi Okafor", Doctor, false},
    {"Clara Brückner", Nutrition, false},
    {"Dr. Katharina Lindqvist", Doctor, false},
    {"Zoë Fairbanks", Physiotherapy, false},
    {"Dr. Jonathan Whitfield", Doctor, false},
    {"Dr. Léa Marchand", Doctor, false},
    {"Piotr Wiśniewski", Physiotherapy, false},
}};

} // namespace

std::span<const Service> services()
{
    return kServices;
}

std::span<const LabTest> tests()
{
    return kTests;
}

std::span<const char* const> ultrasoundFindings()
{
    return kUltrasoundFindings;
}

int testPerMille(int service)
{
    return kTestPerMille.at(static_cast<std::size_t>(service));
}

std::span<const int> testWeights(int service)
{
    return kTestWeights.at(static_cast<std::size_t>(service));
}

std::span<const Practitioner> practitioners()
{
    return kPractitioners;
}

} // namespace aftercare::DemoCatalog
