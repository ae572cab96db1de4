#pragma once

#include "auth/actor.h"
#include "domain/summarytemplate.h"
#include "domain/testresult.h"
#include "error.h"

#include <optional>
#include <vector>

namespace aftercare {

class Database;

// The editable plain-language summary templates, one per test and variant. Anyone may read
// them (they hold no client data); only clinicians change them (WriteClinicalContent), and a
// change made from a stale copy is refused, naming who saved in between.
class SummaryTemplateRepository
{
    Q_DECLARE_TR_FUNCTIONS(SummaryTemplateRepository)

public:
    explicit SummaryTemplateRepository(Database& database);

    // Every template, by test name, normal before abnormal.
    Result<std::vector<SummaryTemplate>> all() const;
    Result<std::optional<SummaryTemplate>> find(const QString& testName, bool abnormal) const;
    // The names of the tests seen in results or templates, for choosing a new template's test.
    Result<QStringList> testNames() const;
    // What a result of the test measures: the analytes, units and reference ranges of its
    // most recent result, without the client's numbers (no clinical content, for a preview).
    // Empty when the practice has no result of the test yet.
    Result<std::vector<ResultValue>> referenceValues(const QString& testName) const;

    Result<SummaryTemplateId> create(const SummaryTemplate& draft, const Actor& actor);
    // Updates in place (row version, who, when) on success.
    Status update(SummaryTemplate& summaryTemplate, const Actor& actor);
    Status remove(const SummaryTemplate& summaryTemplate, const Actor& actor);

    // The summary for one result, from the template of its test and variant (abnormal when the
    // result is flagged so), filled in for its client, the signed-in clinician and the
    // practice. NotFound when the test has no template yet.
    Result<QString> draftSummary(const TestResult& result, const Actor& actor) const;

private:
    Status validate(const SummaryTemplate& summaryTemplate) const;
    Result<std::vector<SummaryTemplate>> list(const QString& where,
                                              const QVariantList& values) const;

    Database& m_database;
};

} // namespace aftercare
