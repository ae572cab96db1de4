#pragma once

#include "auth/actor.h"
#include "domain/feedback.h"
#include "error.h"

#include <QDate>

#include <optional>
#include <vector>

namespace aftercare {

class Database;
class TransactionGuard;

// Survey answers: CSAT (1–5) and NPS (0–10) with their comments.
class FeedbackRepository
{
    Q_DECLARE_TR_FUNCTIONS(FeedbackRepository)

public:
    explicit FeedbackRepository(Database& database);

    // The score is valid by construction (FeedbackScore); the database checks it again.
    // One answer per client, kind and response time: a second is a Conflict.
    Result<FeedbackId> record(const Feedback& feedback, const Actor& actor);
    Result<FeedbackId> record(TransactionGuard& transaction, const Feedback& feedback,
                              const Actor& actor);
    Result<Feedback> get(FeedbackId id) const;
    // A client's answers, newest first.
    Result<std::vector<Feedback>> forClient(ClientId client) const;
    // Answers whose responded_at date lies in [from, to] (both included), oldest first;
    // of one kind or of both.
    Result<std::vector<Feedback>> inPeriod(const QDate& from, const QDate& to,
                                           std::optional<FeedbackKind> kind = std::nullopt) const;

private:
    Result<std::vector<Feedback>> list(const QString& where, const QString& order,
                                       const QVariantList& values) const;

    Database& m_database;
};

} // namespace aftercare
