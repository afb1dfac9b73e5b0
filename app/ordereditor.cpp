#include "ordereditor.h"

#include "devicesession.h"
#include "formatter.h"
#include "storeworker.h"

#include "domain/ids.h"
#include "services/attachmentservice.h"
#include "store/documentrepository.h"

namespace karvan::app {

using namespace Qt::StringLiterals;

namespace {

QString stepKind(PriceStep::Kind kind)
{
    switch (kind) {
    case PriceStep::Kind::ListPrice:
        return OrderEditor::tr("List price");
    case PriceStep::Kind::PriceList:
        return OrderEditor::tr("Price list");
    case PriceStep::Kind::VolumeTier:
        return OrderEditor::tr("Volume tier");
    case PriceStep::Kind::CustomerPrice:
        return OrderEditor::tr("Customer price");
    case PriceStep::Kind::Promotion:
        return OrderEditor::tr("Promotion");
    case PriceStep::Kind::Tax:
        return OrderEditor::tr("Tax");
    }
    return QString();
}

QString money(const Money &m)
{
    return m.isValid() ? Formatter::instance()->money(m.minorUnits(), m.currency()) : QString();
}

QString creditReasonText(const CreditReason &r, const CreditDecision &d)
{
    Formatter *f = Formatter::instance();
    if (r.code == CreditReason::OverLimit)
        return OrderEditor::tr(
                   "Credit hold: this order takes the account to %1, over its limit of %2")
            .arg(money(d.projected), d.limit ? money(*d.limit) : QString());
    if (r.code == CreditReason::NearLimit)
        return OrderEditor::tr("Near the credit limit: %1 of %2 after this order")
            .arg(money(d.projected), d.limit ? money(*d.limit) : QString());
    if (r.code == CreditReason::ManualHold)
        return OrderEditor::tr("The account is on credit hold at head office");
    if (r.code == CreditReason::Overdue || r.code == CreditReason::OverdueBeyondDays)
        return OrderEditor::tr("%1 overdue, oldest %2 days")
            .arg(money(d.overdue), f->number(d.oldestOverdueDays));
    return r.message;
}

} // namespace

OrderEditor::OrderEditor(DeviceSession *session)
    : QObject(session)
    , m_session(session)
    , m_lines(new OrderLineModel(this))
    , m_view(new SavedDocumentView(session, this))
{ }

bool OrderEditor::setSignature(const QVariantList &strokes, double width, double height)
{
    auto png = SignatureImage::png(SignatureStrokes::fromVariant(strokes, width, height));
    if (!png) {
        clearSignature();
        return false;
    }
    m_signaturePng = *png;
    Q_EMIT signatureChanged();
    return true;
}

void OrderEditor::clearSignature()
{
    if (m_signaturePng.isEmpty())
        return;
    m_signaturePng.clear();
    Q_EMIT signatureChanged();
}

QString OrderEditor::customerId() const
{
    return m_customerId.isNull() ? QString() : idToString(m_customerId);
}

bool OrderEditor::canSubmit() const
{
    return !m_customerId.isNull() && !m_draftLines.isEmpty() && !checking() && m_error.isEmpty()
        && !m_submitting;
}

void OrderEditor::setQuote(bool quote)
{
    if (quote == m_quote)
        return;
    m_quote = quote;
    Q_EMIT kindChanged();
    recheck();
}

void OrderEditor::setCustomer(const QString &id, const QString &name)
{
    const QUuid uuid = QUuid::fromString(id);
    if (uuid != m_customerId) {
        m_customerId = uuid;
        m_draftLines.clear();
        clearSignature();
        m_savedId.clear();
        Q_EMIT submittedChanged();
        refreshSaved();
    }
    m_customerName = name;
    Q_EMIT customerChanged();
    recheck();
}

void OrderEditor::addLine(const QString &sku, const QString &unit, const QString &quantity)
{
    auto q = Quantity::parse(Formatter::instance()->asciiDigits(quantity.trimmed()), unit);
    if (!q || !q->isPositive())
        return;
    for (auto &line : m_draftLines) {
        if (line.sku == sku && line.quantity.unit() == unit) {
            if (auto sum = line.quantity.plus(*q))
                line.quantity = *sum;
            recheck();
            return;
        }
    }
    m_draftLines.append({sku, *q});
    m_savedId.clear();
    Q_EMIT submittedChanged();
    refreshSaved();
    recheck();
}

void OrderEditor::setQuantity(int row, const QString &quantity)
{
    if (row < 0 || row >= m_draftLines.size())
        return;
    auto q = Quantity::parse(Formatter::instance()->asciiDigits(quantity.trimmed()),
                             m_draftLines.at(row).quantity.unit());
    if (!q || !q->isPositive() || *q == m_draftLines.at(row).quantity)
        return;
    m_draftLines[row].quantity = *q;
    recheck();
}

void OrderEditor::removeLine(int row)
{
    if (row < 0 || row >= m_draftLines.size())
        return;
    m_draftLines.removeAt(row);
    recheck();
}

void OrderEditor::setLines(const QList<PricingRequest::Line> &lines)
{
    m_draftLines = lines;
    recheck();
}

void OrderEditor::clear()
{
    m_draftLines.clear();
    recheck();
}

OrderDraft OrderEditor::draft() const
{
    OrderDraft d;
    d.kind = m_quote ? SalesDocument::Kind::Quote : SalesDocument::Kind::Order;
    d.customerId = m_customerId;
    d.date = m_session->today();
    d.lines = m_draftLines;
    d.createdBy = m_session->userName();
    return d;
}

void OrderEditor::resetTotals()
{
    m_net.clear();
    m_tax.clear();
    m_total.clear();
    m_totalMinor = 0;
    m_credit.clear();
    m_creditSummary.clear();
    m_warnings.clear();
    m_stockShortfall = false;
    m_error.clear();
}

void OrderEditor::recheck()
{
    const quint64 id = ++m_checkRequest;
    if (m_customerId.isNull() || m_draftLines.isEmpty()) {
        m_checkAnswered = id;
        resetTotals();
        m_lines->setRows({});
        Q_EMIT checkedChanged();
        return;
    }
    Q_EMIT checkedChanged();
    const OrderDraft d = draft();
    m_session->post<Result<OrderCheckData>>(
        [d](StoreWorker &w) { return w.checkOrder(d); },
        [this, id](Result<OrderCheckData> r) {
            if (id != m_checkRequest)
                return; // the lines changed since; a newer check is on its way
            m_checkAnswered = id;
            resetTotals();
            if (!r) {
                m_error = r.errorMessage();
                Q_EMIT checkedChanged();
                return;
            }
            applyCheck(r.value());
        });
}

void OrderEditor::applyCheck(const OrderCheckData &data)
{
    Formatter *f = Formatter::instance();
    const OrderCheck &check = data.check;
    QList<QVariantMap> rows;
    for (qsizetype i = 0; i < check.priced.lines.size(); ++i) {
        const PricedLine &p = check.priced.lines.at(i);
        QVariantList steps;
        for (const PriceStep &s : p.steps) {
            QString kind = stepKind(s.kind);
            if (s.kind == PriceStep::Kind::Tax)
                kind += u' ' + f->percent(p.taxRateBasisPoints)
                    + (p.taxInclusive ? u' ' + tr("incl.") : QString());
            steps.append(QVariantMap {{u"kind"_s, kind},
                                      {u"reference"_s, s.reference},
                                      {u"price"_s, money(s.unitPrice)}});
        }
        QString stock = u"none"_s;
        QString stockText;
        if (i < check.stock.size()) {
            const PromiseCheck &s = check.stock.at(i);
            stock = promiseOutcomeName(s.outcome);
            if (s.outcome == PromiseCheck::Outcome::Full) {
                stockText = tr("In stock");
            } else {
                m_stockShortfall = true;
                stockText = tr("Only %1 available (as of %2)")
                                .arg(f->quantity(s.promisable.milli(), s.promisable.unit()),
                                     s.asOf.isValid() ? f->dateTime(s.asOf) : tr("unknown"));
                m_warnings.append(tr("%1: %2 short")
                                      .arg(data.productNames.value(p.sku, p.sku),
                                           f->quantity(s.shortfall.milli(), s.shortfall.unit())));
            }
        }
        rows.append({{u"sku"_s, p.sku},
                     {u"name"_s, data.productNames.value(p.sku, p.sku)},
                     {u"quantity"_s, p.quantity.toDecimalString()},
                     {u"unit"_s, p.quantity.unit()},
                     {u"unitPrice"_s, money(p.unitPrice)},
                     {u"net"_s, money(p.net)},
                     {u"tax"_s, money(p.tax)},
                     {u"total"_s, money(p.total)},
                     {u"steps"_s, steps},
                     {u"stock"_s, stock},
                     {u"stockText"_s, stockText}});
    }
    m_lines->setRows(std::move(rows));
    m_net = money(check.priced.net);
    m_tax = money(check.priced.tax);
    m_total = money(check.priced.total);
    m_totalMinor = check.priced.total.minorUnits();
    const CreditDecision &credit = check.credit;
    m_credit = creditOutcomeName(credit.outcome);
    m_creditSummary
        = tr("Exposure %1 · limit %2")
              .arg(money(credit.exposure), credit.limit ? money(*credit.limit) : tr("none"));
    QStringList creditWarnings;
    for (const CreditReason &r : credit.reasons)
        creditWarnings.append(creditReasonText(r, credit));
    m_warnings = creditWarnings + m_warnings;
    Q_EMIT checkedChanged();
}

namespace {

// What submitting did: the document, and whether its signature was stored with it.
struct SubmitOutcome
{
    Result<SalesDocument> document = makeError(ErrorCode::Storage, u"store closed"_s);
    QString signatureError;
};

} // namespace

void OrderEditor::submit()
{
    if (!canSubmit())
        return;
    m_submitting = true;
    Q_EMIT submittedChanged();
    Q_EMIT checkedChanged();
    const OrderDraft d = draft();
    const QByteArray png = m_signaturePng;
    const QString author = m_session->userName();
    m_session->post<SubmitOutcome>(
        [d, png, author](StoreWorker &w) {
            SubmitOutcome out;
            out.document = w.submitOrder(d);
            if (!out.document || png.isEmpty() || !w.store())
                return out;
            // The document is saved (and durable) first; its signature follows in its own
            // transaction, so a refused signature never loses the order.
            const bool quote = d.kind == SalesDocument::Kind::Quote;
            auto added = AttachmentService(*w.store(), w.clock(), author)
                             .add({quote ? u"quote"_s : u"order"_s, out.document->id,
                                   u"signature"_s, u"image/png"_s, png});
            if (!added)
                out.signatureError = added.errorMessage();
            return out;
        },
        [this, png](SubmitOutcome out) {
            m_submitting = false;
            const Result<SalesDocument> &r = out.document;
            if (!r) {
                m_error = r.errorMessage();
                Q_EMIT submittedChanged();
                Q_EMIT checkedChanged();
                return;
            }
            m_savedId = idToString(r->id);
            m_draftLines.clear();
            m_lines->setRows({});
            resetTotals();
            m_signatureError = out.signatureError.isEmpty()
                ? QString()
                : tr("Saved, but the signature was not stored: %1").arg(out.signatureError);
            m_savedSignature = png.isEmpty() || !out.signatureError.isEmpty()
                ? QString()
                : u"data:image/png;base64,"_s + QString::fromLatin1(png.toBase64());
            m_signaturePng.clear();
            Q_EMIT signatureChanged();
            Q_EMIT savedStateChanged();
            Q_EMIT submittedChanged();
            Q_EMIT checkedChanged();
            Q_EMIT submitted(m_savedId);
            m_session->notifyStoreChanged();
        });
}

bool OrderEditor::savedPending() const
{
    return m_savedStatus == documentStatusName(DocumentStatus::PendingSync)
        || m_savedStatus == documentStatusName(DocumentStatus::Draft);
}

void OrderEditor::refreshSaved()
{
    const quint64 request = ++m_savedRequest;
    if (m_savedId.isEmpty()) {
        if (m_savedNumber.isEmpty() && m_savedStatus.isEmpty() && m_savedSignature.isEmpty())
            return;
        m_savedSignature.clear();
        m_signatureError.clear();
        m_savedNumber.clear();
        m_savedStatus.clear();
        m_savedStatusText.clear();
        m_savedReason.clear();
        Q_EMIT savedStateChanged();
        return;
    }
    const QUuid id = QUuid::fromString(m_savedId);
    m_session->post<Result<SalesDocument>>(
        [id](StoreWorker &w) {
            if (!w.store())
                return Result<SalesDocument>(makeError(ErrorCode::Storage, u"store closed"_s));
            return DocumentRepository(*w.store()).get(id);
        },
        [this, request](Result<SalesDocument> r) {
            if (request != m_savedRequest || !r)
                return; // a newer read is on its way, or the document is gone
            m_savedNumber = r->number;
            m_savedStatus = documentStatusName(r->status);
            m_savedStatusText = DeviceSession::documentStatusLabel(r->status);
            m_savedReason = r->statusReason;
            Q_EMIT savedStateChanged();
        });
}

} // namespace karvan::app
