#pragma once

#include <array>
#include <span>

namespace aftercare {

// What the demo practice offers: its service types with their after-care policy and how
// clients use them, the laboratory tests some services produce, and its staff. Fixed
// content; the generator draws from it.
namespace DemoCatalog {

// Which practitioners can deliver a service.
enum class Discipline
{
    Doctor,
    Physiotherapy,
    Nutrition
};

enum ServiceIndex
{
    kInitialConsultation,
    kFollowUpConsultation,
    kAnnualHealthCheck,
    kBloodTest,
    kUltrasound,
    kSportsInjuryAssessment,
    kPhysiotherapySession,
    kNutritionCounselling,
    kFluVaccination,
    kServiceCount
};

struct Service
{
    const char* name;
    int minutes; // a multiple of 15: the calendar is planned in quarter hours
    int priceCents;
    int checkinAfterDays; // -1: no check-in call
    int surveyAfterDays;  // -1: no survey request
    int rebookAfterWeeks; // -1: no rebook reminder
    std::array<bool, 5>
        steps; // quality follow-up, feedback request, thank-you, community, newsletter
    const char* preparation;
    Discipline discipline;
    int courseMin; // sessions in one course of this service
    int courseMax;
    int courseIntervalDays;
};

struct Analyte
{
    const char* name;
    const char* unit;
    int referenceLow;  // tenths; -1: no lower limit
    int referenceHigh; // tenths; -1: no upper limit
    int normalLow;     // tenths: where a normal value is drawn from
    int normalHigh;
    int abnormalLow; // tenths: where an abnormal value is drawn from
    int abnormalHigh;
};

struct LabTest
{
    const char* name;
    std::span<const Analyte> analytes; // empty: a text finding (imaging)
    int abnormalPerMille;
    const char* normalSummary;
    const char* abnormalSummary;
};

enum TestIndex
{
    kLipidProfile,
    kFullBloodCount,
    kThyroid,
    kVitaminD,
    kIronStatus,
    kAbdominalUltrasound,
    kTestCount
};

struct Practitioner
{
    const char* name;
    Discipline discipline;
    bool alsoNutrition; // a doctor who also counsels on nutrition (small practices)
};

std::span<const Service> services();
std::span<const LabTest> tests();
// Text findings of an imaging test: the first is the normal one.
std::span<const char* const> ultrasoundFindings();
// How often a visit of this service produces a laboratory result (per mille), and which one:
// weights over tests().
int testPerMille(int service);
std::span<const int> testWeights(int service);
// Curated practitioner names; more are composed from the name lists when a large practice
// needs them.
std::span<const Practitioner> practitioners();

} // namespace DemoCatalog

} // namespace aftercare
