#pragma once

#include "auth/actor.h"
#include "common/formdialog.h"
#include "domain/summaryversion.h"
#include "domain/testresult.h"
#include "repositories/resultrepository.h"
#include "repositories/summarytemplaterepository.h"

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace aftercare {
class Database;
}

namespace aftercare::ui {

class MessageLabel;
class ResultTrendView;

// A result as a clinician reads it: the values with units and reference ranges (high ↑ and
// low ↓ marked per value), the client's earlier results of the same test as a trend (and which
// of them were told), the laboratory's formal text, and the plain-language summary for the
// client, which the clinician edits and signs off; then reviewed, then communicated (by which
// channel), and the client's copy as a PDF. Every signed-off text is kept as a version: a draft
// from the template replaces written text only when the clinician says so, and once the client
// was told, the summary changes only as a new version with a reason. The content is read
// through ResultRepository, which audits the view.
class ResultDialog : public FormDialog
{
    Q_OBJECT

public:
    ResultDialog(Database& database, const Actor& actor, ResultId result, const QString& clientName,
                 QWidget* parent = nullptr);

    bool isLoaded() const { return m_result.has_value(); }
    QString loadError() const { return m_loadError; }
    const TestResult* result() const { return m_result ? &*m_result : nullptr; }
    const std::vector<SummaryVersion>& summaryVersions() const { return m_versions; }
    // The summary in the editor differs from the one saved.
    bool hasUnsavedChanges() const;
    // Writes the client's summary PDF; false (and a message shown) when it failed.
    bool writeSummaryPdf(const QString& path);

signals:
    // "Draft from template" asks before it replaces a written summary (tests answer it).
    void replaceQuestionOpened(QWidget* box);

private:
    void fillValues();
    void showStatus();
    void loadVersions();
    void showVersion(int row);
    // Fills the summary from the test's template; written text is replaced only when asked.
    void draftFromTemplate();
    void signOff();
    // A communicated summary: opens it for a new version, which needs a reason.
    void startRevision();
    void saveRevision();
    void cancelRevision();
    void markReviewed();
    void markCommunicated();
    void saveSummaryPdf();
    bool isRevising() const;

    ResultRepository m_results;
    SummaryTemplateRepository m_templates;
    Actor m_actor;
    QString m_clientName;
    std::optional<TestResult> m_result;
    std::vector<SummaryVersion> m_versions;
    QString m_loadError;
    bool m_revising = false;

    QLabel* m_status = nullptr;
    QTableWidget* m_values = nullptr;
    ResultTrendView* m_trend = nullptr;
    QPlainTextEdit* m_formal = nullptr;
    QPlainTextEdit* m_summary = nullptr;
    QLabel* m_summaryNote = nullptr;
    QLineEdit* m_reason = nullptr;
    QLabel* m_reasonLabel = nullptr;
    QPushButton* m_draft = nullptr;
    QPushButton* m_signOff = nullptr;
    QPushButton* m_revise = nullptr;
    QPushButton* m_saveVersion = nullptr;
    QPushButton* m_cancelRevision = nullptr;
    QListWidget* m_versionList = nullptr;
    QPlainTextEdit* m_versionText = nullptr;
    QPushButton* m_reviewed = nullptr;
    QComboBox* m_channel = nullptr;
    QPushButton* m_communicated = nullptr;
    MessageLabel* m_message = nullptr;
};

} // namespace aftercare::ui
