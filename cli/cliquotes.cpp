// karvan-cli: quote convert, quote pdf.

#include "clicommands.h"
#include "quotepdf.h" // ../print

#include "domain/ids.h"
#include "domain/json.h"
#include "services/orderservice.h"
#include "store/documentrepository.h"
#include "store/localstore.h"
#include "store/outboxrepository.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace karvan::cli {

using namespace Qt::StringLiterals;

namespace {

Result<QUuid> onlyQuoteId(const QCommandLineParser &parser, const QString &command)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usage(u"%1 QUOTE_ID: the quote's id is required"_s.arg(command));
    if (positional.size() > 1)
        return usage(u"unexpected argument \"%1\""_s.arg(positional.at(1)));
    return parseId(positional.first(), u"quote"_s);
}

} // namespace

Result<void> quoteConvert(Context &c)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"quote"_s, u"The quote's id."_s);
    parser.addOption({u"date"_s, u"The order's date (default: today)."_s, u"date"_s});
    parser.addOption({u"by"_s, u"Who converts it (default: the signed-in login)."_s, u"login"_s});
    parser.addOption({u"json"_s, u"One JSON document on stdout."_s});
    if (!parser.parse(c.args))
        return usage(parser.errorText());
    auto quoteId = onlyQuoteId(parser, u"quote convert"_s);
    if (!quoteId)
        return quoteId.error();
    QDate date = QDate::currentDate();
    if (parser.isSet(u"date"_s)) {
        date = QDate::fromString(parser.value(u"date"_s), Qt::ISODate);
        if (!date.isValid())
            return usage(u"--date must be a date as YYYY-MM-DD"_s);
    }
    QString by = parser.value(u"by"_s);
    if (by.isEmpty()) {
        auto who = author(c.store);
        if (!who)
            return who.error();
        by = *who;
    }

    auto order = OrderService(c.store).convertQuote(*quoteId, date, by);
    if (!order)
        return order.error();
    auto quote = DocumentRepository(c.store).get(*quoteId);
    if (!quote)
        return quote.error();
    auto pending = OutboxRepository(c.store).countWithState(OutboxMutation::State::Pending);
    if (!pending)
        return pending.error();

    if (parser.isSet(u"json"_s)) {
        writeJson(c.out,
                  QJsonObject {{u"order"_s, json::document(*order)},
                               {u"quote"_s, json::document(*quote)},
                               {u"outbox_pending"_s, *pending}});
        return {};
    }
    c.out << "order " << idToString(order->id) << " made from quote "
          << (quote->number.isEmpty() ? idToString(quote->id) : quote->number)
          << ", saved on this device, waiting to sync: " << order->total.toString() << " ("
          << order->lines.size() << " lines)\n";
    if (order->total != quote->total)
        c.out << "  note: re-priced since the quote (" << quote->total.toString() << ")\n";
    return {};
}

Result<void> quotePdf(Context &c)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"quote"_s, u"The quote's id."_s);
    parser.addOption({u"out"_s, u"Where to write the PDF."_s, u"file"_s});
    if (!parser.parse(c.args))
        return usage(parser.errorText());
    auto quoteId = onlyQuoteId(parser, u"quote pdf"_s);
    if (!quoteId)
        return quoteId.error();
    const QString out = parser.value(u"out"_s);
    if (out.isEmpty())
        return usage(u"--out FILE.pdf is required"_s);
    auto printed = print::loadQuotePrint(c.store, *quoteId);
    if (!printed)
        return printed.error();
    if (auto written = print::writeQuotePdf(*printed, out, u"karvan-cli"_s); !written)
        return written;
    c.err << "quote " << (printed->quote.number.isEmpty() ? u"(pending)"_s : printed->quote.number)
          << " written to " << QFileInfo(out).absoluteFilePath() << Qt::endl;
    return {};
}

} // namespace karvan::cli
