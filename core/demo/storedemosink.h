#pragma once

#include "demo/demogenerator.h"

#include <QSet>

#include <functional>
#include <memory>

namespace karvan {

class LocalStore;

// Writes the demo company into a device store, in batches through the repositories' bulk
// paths inside a LocalStore::BulkLoad. With a territory filter it keeps only that territory's
// customers and their documents, as a rep's device would hold them after an initial sync.
class StoreDemoSink : public DemoSink
{
public:
    explicit StoreDemoSink(LocalStore &store, QStringList territories = {});
    ~StoreDemoSink() override;

    // Called with the number of records written so far, every few thousand records.
    void setProgress(std::function<void(qint64 records)> progress)
    {
        m_progress = std::move(progress);
    }
    qint64 recordsWritten() const { return m_written; }

    Result<void> warehouse(const Warehouse &warehouse) override;
    Result<void> taxRule(const TaxRule &rule) override;
    Result<void> product(const Product &product) override;
    Result<void> priceList(const PriceList &list) override;
    Result<void> promotion(const Promotion &promotion) override;
    Result<void> customer(const Customer &customer) override;
    Result<void> customerPrice(const CustomerPrice &price) override;
    Result<void> stockLevel(const StockLevel &level) override;
    Result<void> salesDocument(const SalesDocument &document) override;
    Result<void> invoice(const Invoice &invoice) override;
    Result<void> payment(const Payment &payment) override;
    Result<void> ticket(const Ticket &ticket) override;
    Result<void> activity(const Activity &activity) override;
    Result<void> opportunity(const Opportunity &opportunity) override;
    Result<void> finished(const DemoSummary &summary) override;

private:
    struct Batches;
    bool inScope(const QUuid &customerId) const;
    Result<void> flushIfFull();
    Result<void> flush();

    LocalStore &m_store;
    QStringList m_territories;
    QSet<QUuid> m_customersInScope;
    std::unique_ptr<Batches> m_batches;
    std::function<void(qint64)> m_progress;
    qint64 m_written = 0;
    qint64 m_reported = 0;
};

} // namespace karvan
