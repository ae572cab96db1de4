#pragma once

#include "auth/actor.h"
#include "common/formdialog.h"
#include "domain/testresult.h"
#include "repositories/resultrepository.h"
#include "repositories/summarytemplaterepository.h"

#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class MessageLabel;

// A result as a clinician reads it: the values with units and reference ranges (abnormal
// ones highlighted), the laboratory's formal text, and the plain-language summary for the
// client, which the clinician edits and signs off; then reviewed, then communicated (by which
// channel), and the client's copy as a PDF. The content is read through ResultRepository,
// which audits the view.
class ResultDialog : public FormDialog
{
    Q_OBJECT

public:
    ResultDialog(Database& database, const Actor& actor, ResultId result, const QString& clientName,
                 QWidget* parent = nullptr);

    bool isLoaded() const { return m_result.has_value(); }
    QString loadError() const { return m_loadError; }
    const TestResult* result() const { return m_result ? &*m_result : nullptr; }
    // Writes the client's summary PDF; false (and a message shown) when it failed.
    bool writeSummaryPdf(const QString& path);

private:
    void fillValues();
    void showStatus();
    // Fills the summary from the test's template; a typed summary is replaced only when asked.
    void draftFromTemplate();
    void signOff();
    void markReviewed();
    void markCommunicated();
    void saveSummaryPdf();

    ResultRepository m_results;
    SummaryTemplateRepository m_templates;
    Actor m_actor;
    QString m_clientName;
    std::optional<TestResult> m_result;
    QString m_loadError;

    QLabel* m_status = nullptr;
    QTableWidget* m_values = nullptr;
    QPlainTextEdit* m_formal = nullptr;
    QPlainTextEdit* m_summary = nullptr;
    QPushButton* m_draft = nullptr;
    QPushButton* m_signOff = nullptr;
    QPushButton* m_reviewed = nullptr;
    QComboBox* m_channel = nullptr;
    QPushButton* m_communicated = nullptr;
    MessageLabel* m_message = nullptr;
};

} // namespace aftercare::ui
