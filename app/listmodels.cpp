#include "listmodels.h"

namespace karvan::app {

int RowListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant RowListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    auto key = m_keys.constFind(role);
    if (key == m_keys.constEnd()) {
        const QByteArray name = roleNames().value(role);
        if (name.isEmpty())
            return {};
        key = m_keys.insert(role, QString::fromLatin1(name));
    }
    return m_rows.at(index.row()).value(*key);
}

void RowListModel::setRows(QList<QVariantMap> rows)
{
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
}

void RowListModel::setRow(int row, const QVariantMap &values)
{
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row] = values;
    Q_EMIT dataChanged(index(row), index(row));
}

QVariantMap RowListModel::get(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QVariantMap();
}

QHash<int, QByteArray> CustomerListModel::roleNames() const
{
    return {{IdRole, "customerId"},
            {NameRole, "name"},
            {CodeRole, "code"},
            {CityRole, "city"},
            {PhoneRole, "phone"},
            {CreditRole, "credit"},
            {OpenTicketsRole, "openTickets"}};
}

QHash<int, QByteArray> ProductListModel::roleNames() const
{
    return {{SkuRole, "sku"},
            {NameRole, "name"},
            {CategoryRole, "category"},
            {BarcodeRole, "barcode"},
            {UnitRole, "unit"},
            {PriceRole, "price"},
            {AvailableRole, "available"},
            {InStockRole, "inStock"},
            {AsOfRole, "asOf"},
            {WarehousesRole, "warehouses"}};
}

QHash<int, QByteArray> AlertListModel::roleNames() const
{
    return {{KindRole, "kind"},
            {TitleRole, "title"},
            {DetailRole, "detail"},
            {CustomerIdRole, "customerId"}};
}

QHash<int, QByteArray> VisitListModel::roleNames() const
{
    return {{CustomerIdRole, "customerId"},
            {CustomerNameRole, "customerName"},
            {SubjectRole, "subject"},
            {WhenRole, "when"}};
}

QHash<int, QByteArray> OutboxListModel::roleNames() const
{
    return {{SeqRole, "seq"},     {EntityRole, "entity"}, {OpRole, "op"},
            {StateRole, "state"}, {ReasonRole, "reason"}, {CreatedRole, "created"}};
}

QHash<int, QByteArray> TicketListModel::roleNames() const
{
    return {{IdRole, "ticketId"},      {NumberRole, "number"},
            {SubjectRole, "subject"},  {CustomerNameRole, "customerName"},
            {StatusRole, "status"},    {PriorityRole, "priority"},
            {UpdatedRole, "updated"},  {NextStatusesRole, "nextStatuses"},
            {CommentsRole, "comments"}};
}

QHash<int, QByteArray> ConflictListModel::roleNames() const
{
    return {{IdRole, "conflictId"}, {EntityNameRole, "entityName"},
            {FieldRole, "field"},   {FieldLabelRole, "fieldLabel"},
            {BaseRole, "base"},     {TheirsRole, "theirs"},
            {MineRole, "mine"},     {DetectedRole, "detected"}};
}

QHash<int, QByteArray> OrderLineModel::roleNames() const
{
    return {{SkuRole, "sku"},     {NameRole, "name"},           {QuantityRole, "quantity"},
            {UnitRole, "unit"},   {UnitPriceRole, "unitPrice"}, {NetRole, "net"},
            {TaxRole, "tax"},     {TotalRole, "total"},         {StepsRole, "steps"},
            {StockRole, "stock"}, {StockTextRole, "stockText"}};
}

} // namespace karvan::app
