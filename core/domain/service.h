#pragma once

#include "domain/money.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

namespace karvan {

struct TicketComment
{
    QUuid id;
    QString author;
    QDateTime at;
    QString body;
};

struct Ticket
{
    enum class Status { Open, InProgress, WaitingOnCustomer, Resolved, Closed };
    enum class Priority { Low, Normal, High, Urgent };
    QUuid id;
    QString number;
    QUuid customerId;
    QString subject;
    QString description;
    Status status = Status::Open;
    Priority priority = Priority::Normal;
    QString assignee;
    QDateTime createdAt;
    QDateTime updatedAt;
    QList<TicketComment> comments; // append-only
};

struct Activity
{
    enum class Kind { Visit, Call, Note };
    QUuid id;
    QUuid customerId;
    Kind kind = Kind::Visit;
    QDateTime at;
    QString subject;
    QString notes;
    int durationMinutes = 0;
    QString photoPath;
    QString author;
};

struct Opportunity
{
    enum class Stage { Prospecting, Qualified, Proposal, Negotiation, Won, Lost };
    QUuid id;
    QUuid customerId;
    QString title;
    Stage stage = Stage::Prospecting;
    Money amount;
    int probabilityPercent = 10;
    QDate expectedClose;
    QString owner;
};

} // namespace karvan
