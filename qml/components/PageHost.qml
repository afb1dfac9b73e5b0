import QtQuick
import Karvan

// Shows one page by name; both form factors host their pages through it.
Loader {
    id: host
    property string page: "today"
    signal navigate(string name)

    readonly property var pages: ({
        "today": todayPage, "customers": customersPage, "customer": customerPage,
        "catalog": catalogPage, "order": orderPage, "tickets": ticketsPage,
        "activities": activitiesPage, "sync": syncPage, "settings": settingsPage
    })
    sourceComponent: pages[page] || todayPage

    Component { id: todayPage; TodayPage { onNavigate: (name) => host.navigate(name) } }
    Component { id: customersPage; CustomersPage { onNavigate: (name) => host.navigate(name) } }
    Component { id: customerPage; CustomerPage { onNavigate: (name) => host.navigate(name) } }
    Component { id: catalogPage; CatalogPage { onNavigate: (name) => host.navigate(name) } }
    Component { id: orderPage; OrderPage { onNavigate: (name) => host.navigate(name) } }
    Component { id: ticketsPage; TicketsPage { } }
    Component { id: activitiesPage; ActivitiesPage { } }
    Component { id: syncPage; SyncPage { } }
    Component { id: settingsPage; SettingsPage { } }
}
