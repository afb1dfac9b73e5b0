<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>ActivitiesPage</name>
        <message>
            <source>Log for %1</source>
            <translation>Log for %1</translation>
        </message>
        <message>
            <source>Choose a customer first</source>
            <translation>Choose a customer first</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>Visit</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>Call</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>Minutes</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Recent</source>
            <translation>Recent</translation>
        </message>
        <message>
            <source>Choose a photo</source>
            <translation>Choose a photo</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png)</source>
            <translation>Images (*.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <source>Take a photo</source>
            <translation>Take a photo</translation>
        </message>
        <message>
            <source>No camera found. Choose a picture file instead.</source>
            <translation>No camera found. Choose a picture file instead.</translation>
        </message>
        <message>
            <source>From a file</source>
            <translation>From a file</translation>
        </message>
        <message>
            <source>Take photo</source>
            <translation>Take photo</translation>
        </message>
        <message>
            <source>Replace photo</source>
            <translation>Replace photo</translation>
        </message>
        <message>
            <source>Add photo</source>
            <translation>Add photo</translation>
        </message>
        <message>
            <source>Remove photo</source>
            <translation>Remove photo</translation>
        </message>
        <message>
            <source>Photo %1 × %2, %3 KB</source>
            <translation>Photo %1 × %2, %3 KB</translation>
        </message>
        <message>
            <source>Save with photo</source>
            <translation>Save with photo</translation>
        </message>
    </context>
    <context>
        <name>BarChart</name>
        <message>
            <source>Purchases per month</source>
            <translation>Purchases per month</translation>
        </message>
        <message>
            <source>Purchases</source>
            <translation>Purchases</translation>
        </message>
    </context>
    <context>
        <name>CatalogPage</name>
        <message>
            <source>Search products</source>
            <translation>Search products</translation>
        </message>
        <message>
            <source>Barcode</source>
            <translation>Barcode</translation>
        </message>
        <message>
            <source>Look up</source>
            <translation>Look up</translation>
        </message>
        <message>
            <source>No product with barcode %1</source>
            <translation>No product with barcode %1</translation>
        </message>
        <message>
            <source>%1 available</source>
            <translation>%1 available</translation>
        </message>
        <message>
            <source>Out of stock</source>
            <translation>Out of stock</translation>
        </message>
        <message>
            <source>Stock as of %1</source>
            <translation>Stock as of %1</translation>
        </message>
        <message>
            <source>Add to order</source>
            <translation>Add to order</translation>
        </message>
    </context>
    <context>
        <name>CreditBadge</name>
        <message>
            <source>Credit hold</source>
            <translation>Credit hold</translation>
        </message>
        <message>
            <source>Credit warning</source>
            <translation>Credit warning</translation>
        </message>
        <message>
            <source>Credit OK</source>
            <translation>Credit OK</translation>
        </message>
    </context>
    <context>
        <name>CustomerPage</name>
        <message>
            <source>Choose a customer</source>
            <translation>Choose a customer</translation>
        </message>
        <message>
            <source>New order</source>
            <translation>New order</translation>
        </message>
        <message>
            <source>New quote</source>
            <translation>New quote</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Edit</translation>
        </message>
        <message>
            <source>Credit</source>
            <translation>Credit</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>Limit</translation>
        </message>
        <message>
            <source>Exposure</source>
            <translation>Exposure</translation>
        </message>
        <message>
            <source>Available</source>
            <translation>Available</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>Payment terms</source>
            <translation>Payment terms</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>Profile</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>Contact</translation>
        </message>
        <message>
            <source>Purchases, last 12 months</source>
            <translation>Purchases, last 12 months</translation>
        </message>
        <message>
            <source>Open tickets</source>
            <translation>Open tickets</translation>
        </message>
        <message>
            <source>No open tickets</source>
            <translation>No open tickets</translation>
        </message>
        <message>
            <source>History</source>
            <translation>History</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>Activities</translation>
        </message>
        <message>
            <source>photo</source>
            <translation>photo</translation>
        </message>
    </context>
    <context>
        <name>CustomersPage</name>
        <message>
            <source>Search name, code, phone, city</source>
            <translation>Search name, code, phone, city</translation>
        </message>
        <message>
            <source>New</source>
            <translation>New</translation>
        </message>
        <message>
            <source>Tickets: %1</source>
            <translation>Tickets: %1</translation>
        </message>
        <message>
            <source>No customers match</source>
            <translation>No customers match</translation>
        </message>
        <message>
            <source>New customer</source>
            <translation>New customer</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Email</translation>
        </message>
    </context>
    <context>
        <name>KioskShell</name>
        <message>
            <source>Walk-in customer</source>
            <translation>Walk-in customer</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>Welcome</translation>
        </message>
        <message>
            <source>Tap to order</source>
            <translation>Tap to order</translation>
        </message>
        <message>
            <source>Out of stock</source>
            <translation>Out of stock</translation>
        </message>
        <message>
            <source>Thank you! Your order is saved.</source>
            <translation>Thank you! Your order is saved.</translation>
        </message>
        <message>
            <source>New order</source>
            <translation>New order</translation>
        </message>
        <message>
            <source>Your cart</source>
            <translation>Your cart</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Checkout</source>
            <translation>Checkout</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>Staff PIN</source>
            <translation>Staff PIN</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <source>Wrong PIN</source>
            <translation>Wrong PIN</translation>
        </message>
    </context>
    <context>
        <name>Main</name>
        <message>
            <source>Karvan</source>
            <translation>Karvan</translation>
        </message>
    </context>
    <context>
        <name>OrderPage</name>
        <message>
            <source>Choose a customer</source>
            <translation>Choose a customer</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>Customers</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Quote</translation>
        </message>
        <message>
            <source>Saved on this device, waiting to sync</source>
            <translation>Saved on this device, waiting to sync</translation>
        </message>
        <message>
            <source>Add products</source>
            <translation>Add products</translation>
        </message>
        <message>
            <source>Search products</source>
            <translation>Search products</translation>
        </message>
        <message>
            <source>Lines</source>
            <translation>Lines</translation>
        </message>
        <message>
            <source>Why?</source>
            <translation>Why?</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Check before submitting</source>
            <translation>Check before submitting</translation>
        </message>
        <message>
            <source>Totals</source>
            <translation>Totals</translation>
        </message>
        <message>
            <source>Net</source>
            <translation>Net</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>Tax</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
        <message>
            <source>Credit</source>
            <translation>Credit</translation>
        </message>
        <message>
            <source>Save quote</source>
            <translation>Save quote</translation>
        </message>
        <message>
            <source>Submit order</source>
            <translation>Submit order</translation>
        </message>
        <message>
            <source>%1 at HQ: %2</source>
            <translation>%1 at HQ: %2</translation>
        </message>
        <message>
            <source>HQ: %1</source>
            <translation>HQ: %1</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>Valid until</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>Signed</translation>
        </message>
        <message>
            <source>Convert to order</source>
            <translation>Convert to order</translation>
        </message>
        <message>
            <source>Share as PDF</source>
            <translation>Share as PDF</translation>
        </message>
        <message>
            <source>Customer's signature</source>
            <translation>Customer's signature</translation>
        </message>
    </context>
    <context>
        <name>PhoneShell</name>
        <message>
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>Customers</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Catalog</source>
            <translation>Catalog</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>Tickets</source>
            <translation>Tickets</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>Activities</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Sync</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Menu</source>
            <translation>Menu</translation>
        </message>
        <message>
            <source>%1 to sync</source>
            <translation>%1 to sync</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Account</source>
            <translation>Account</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>Login</source>
            <translation>Login</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Calendar</source>
            <translation>Calendar</translation>
        </message>
        <message>
            <source>Gregorian</source>
            <translation>Gregorian</translation>
        </message>
        <message>
            <source>Solar Hijri (Jalali)</source>
            <translation>Solar Hijri (Jalali)</translation>
        </message>
        <message>
            <source>Hijri</source>
            <translation>Hijri</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>Sign out</translation>
        </message>
        <message>
            <source>%1 changes are not synced yet. Sync before signing out.</source>
            <translation>%1 changes are not synced yet. Sync before signing out.</translation>
        </message>
        <message>
            <source>Everything is synced.</source>
            <translation>Everything is synced.</translation>
        </message>
        <message>
            <source>Signed in as</source>
            <translation>Signed in as</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Signing in…</source>
            <translation>Signing in…</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <source>HQ's certificate file (optional)</source>
            <translation>HQ's certificate file (optional)</translation>
        </message>
        <message>
            <source>/path/to/ca.pem</source>
            <translation>/path/to/ca.pem</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>HQ's certificate file</source>
            <translation>HQ's certificate file</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt)</source>
            <translation>Certificates (*.pem *.crt)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>All files (*)</translation>
        </message>
        <message>
            <source>Automatic sync</source>
            <translation>Automatic sync</translation>
        </message>
        <message>
            <source>Sync every (minutes, 0 = off)</source>
            <translation>Sync every (minutes, 0 = off)</translation>
        </message>
        <message>
            <source>Also syncs when the app starts, shortly after you save a change, and when the network comes back.</source>
            <translation>Also syncs when the app starts, shortly after you save a change, and when the network comes back.</translation>
        </message>
        <message>
            <source>Kiosk mode</source>
            <translation>Kiosk mode</translation>
        </message>
        <message>
            <source>The kiosk PIN is saved.</source>
            <translation>The kiosk PIN is saved.</translation>
        </message>
        <message>
            <source>A self-order screen for a store. Leaving it needs the kiosk PIN (4 to 8 digits).</source>
            <translation>A self-order screen for a store. Leaving it needs the kiosk PIN (4 to 8 digits).</translation>
        </message>
        <message>
            <source>Current PIN</source>
            <translation>Current PIN</translation>
        </message>
        <message>
            <source>New PIN</source>
            <translation>New PIN</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <source>The PIN again</source>
            <translation>The PIN again</translation>
        </message>
        <message>
            <source>Change PIN</source>
            <translation>Change PIN</translation>
        </message>
        <message>
            <source>Set PIN</source>
            <translation>Set PIN</translation>
        </message>
        <message>
            <source>Start kiosk mode</source>
            <translation>Start kiosk mode</translation>
        </message>
    </context>
    <context>
        <name>SignaturePad</name>
        <message>
            <source>Signature pad</source>
            <translation>Signature pad</translation>
        </message>
        <message>
            <source>Customer signs here</source>
            <translation>Customer signs here</translation>
        </message>
        <message>
            <source>Optional: the customer's signature</source>
            <translation>Optional: the customer's signature</translation>
        </message>
        <message>
            <source>Signed on this device</source>
            <translation>Signed on this device</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Clear</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <source>Sync</source>
            <translation>Sync</translation>
        </message>
        <message>
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>Not set</source>
            <translation>Not set</translation>
        </message>
        <message>
            <source>Last sync</source>
            <translation>Last sync</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>Waiting to sync</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>Conflicts</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>Waiting</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>Discard</translation>
        </message>
        <message>
            <source>Nothing waiting to sync</source>
            <translation>Nothing waiting to sync</translation>
        </message>
        <message>
            <source>Someone else changed these fields too. Their value is shown now; keep it or re-apply yours.</source>
            <translation>Someone else changed these fields too. Their value is shown now; keep it or re-apply yours.</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Before</translation>
        </message>
        <message>
            <source>Theirs</source>
            <translation>Theirs</translation>
        </message>
        <message>
            <source>Mine</source>
            <translation>Mine</translation>
        </message>
        <message>
            <source>Keep theirs</source>
            <translation>Keep theirs</translation>
        </message>
        <message>
            <source>Re-apply mine</source>
            <translation>Re-apply mine</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Account</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>Not signed in</translation>
        </message>
        <message>
            <source>Sending changes</source>
            <translation>Sending changes</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>Records</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>Data</translation>
        </message>
        <message>
            <source>Sync failed: %1</source>
            <translation>Sync failed: %1</translation>
        </message>
        <message>
            <source>Sign in under Settings to sync with HQ.</source>
            <translation>Sign in under Settings to sync with HQ.</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>Syncing…</translation>
        </message>
    </context>
    <context>
        <name>TabletShell</name>
        <message>
            <source>Today</source>
            <translation>Today</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>Customers</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Catalog</source>
            <translation>Catalog</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>Tickets</source>
            <translation>Tickets</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>Activities</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>Sync</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Karvan</source>
            <translation>Karvan</translation>
        </message>
        <message>
            <source>%1 to sync</source>
            <translation>%1 to sync</translation>
        </message>
        <message>
            <source>All synced</source>
            <translation>All synced</translation>
        </message>
    </context>
    <context>
        <name>TicketsPage</name>
        <message>
            <source>Open tickets</source>
            <translation>Open tickets</translation>
        </message>
        <message>
            <source>New ticket</source>
            <translation>New ticket</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>Hide</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Comment</translation>
        </message>
        <message>
            <source>Write a comment</source>
            <translation>Write a comment</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>Send</translation>
        </message>
        <message>
            <source>New ticket for %1</source>
            <translation>New ticket for %1</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
    </context>
    <context>
        <name>TodayPage</name>
        <message>
            <source>Sync</source>
            <translation>Sync</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>Waiting to sync</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <source>Last sync</source>
            <translation>Last sync</translation>
        </message>
        <message>
            <source>Alerts</source>
            <translation>Alerts</translation>
        </message>
        <message>
            <source>No alerts</source>
            <translation>No alerts</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>Visits</translation>
        </message>
        <message>
            <source>No visits planned</source>
            <translation>No visits planned</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>Syncing…</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::ActivityPhoto</name>
        <message>
            <source>The photo is empty.</source>
            <translation>The photo is empty.</translation>
        </message>
        <message>
            <source>The photo could not be encoded: %1</source>
            <translation>The photo could not be encoded: %1</translation>
        </message>
        <message>
            <source>The photo is too large.</source>
            <translation>The photo is too large.</translation>
        </message>
        <message>
            <source>There is no file %1.</source>
            <translation>There is no file %1.</translation>
        </message>
        <message>
            <source>%1 is too large for a photo.</source>
            <translation>%1 is too large for a photo.</translation>
        </message>
        <message>
            <source>%1 has too many pixels for a photo.</source>
            <translation>%1 has too many pixels for a photo.</translation>
        </message>
        <message>
            <source>%1 is not a picture this device can read.</source>
            <translation>%1 is not a picture this device can read.</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::AppSettings</name>
        <message>
            <source>The current PIN is wrong</source>
            <translation>The current PIN is wrong</translation>
        </message>
        <message>
            <source>The PIN must be 4 to 8 digits</source>
            <translation>The PIN must be 4 to 8 digits</translation>
        </message>
        <message>
            <source>The two PINs are not the same</source>
            <translation>The two PINs are not the same</translation>
        </message>
        <message>
            <source>Set a kiosk PIN first: it is needed to leave kiosk mode</source>
            <translation>Set a kiosk PIN first: it is needed to leave kiosk mode</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::DeviceSession</name>
        <message>
            <source>Draft</source>
            <translation>Draft</translation>
        </message>
        <message>
            <source>Waiting to sync</source>
            <translation>Waiting to sync</translation>
        </message>
        <message>
            <source>Confirmed</source>
            <translation>Confirmed</translation>
        </message>
        <message>
            <source>Credit hold</source>
            <translation>Credit hold</translation>
        </message>
        <message>
            <source>Backordered</source>
            <translation>Backordered</translation>
        </message>
        <message>
            <source>Partly allocated</source>
            <translation>Partly allocated</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>Delivered</translation>
        </message>
        <message>
            <source>Invoiced</source>
            <translation>Invoiced</translation>
        </message>
        <message>
            <source>Converted</source>
            <translation>Converted</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>Expired</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>Visit</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>Call</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>never</source>
            <translation>never</translation>
        </message>
        <message>
            <source>%1 days</source>
            <translation>%1 days</translation>
        </message>
        <message>
            <source>No limit</source>
            <translation>No limit</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Quote</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>(pending)</source>
            <translation>(pending)</translation>
        </message>
        <message>
            <source>Invoice</source>
            <translation>Invoice</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>Paid</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Payment</source>
            <translation>Payment</translation>
        </message>
        <message>
            <source>Over credit limit: exposure %1</source>
            <translation>Over credit limit: exposure %1</translation>
        </message>
        <message>
            <source>Near credit limit: exposure %1</source>
            <translation>Near credit limit: exposure %1</translation>
        </message>
        <message>
            <source>Invoice %1 overdue since %2: %3</source>
            <translation>Invoice %1 overdue since %2: %3</translation>
        </message>
        <message>
            <source>Low stock: %1 available</source>
            <translation>Low stock: %1 available</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>In progress</translation>
        </message>
        <message>
            <source>Waiting on customer</source>
            <translation>Waiting on customer</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>Resolved</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>Email</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>Contacts</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>(empty)</translation>
        </message>
        <message>
            <source>(unknown)</source>
            <translation>(unknown)</translation>
        </message>
        <message>
            <source>%1 MB</source>
            <translation>%1 MB</translation>
        </message>
        <message>
            <source>%1 / %2 records</source>
            <translation>%1 / %2 records</translation>
        </message>
        <message>
            <source>%1 records</source>
            <translation>%1 records</translation>
        </message>
        <message>
            <source>%1 / %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <source>Sent %1 changes (%2 rejected), received %3 records, %4 new conflicts</source>
            <translation>Sent %1 changes (%2 rejected), received %3 records, %4 new conflicts</translation>
        </message>
        <message>
            <source>Automatic sync off</source>
            <translation>Automatic sync off</translation>
        </message>
        <message>
            <source>Next automatic sync at %1</source>
            <translation>Next automatic sync at %1</translation>
        </message>
        <message>
            <source>The server must be an address like https://hq.example.com:8443</source>
            <translation>The server must be an address like https://hq.example.com:8443</translation>
        </message>
        <message>
            <source>A password is never sent over plain http to another machine: use https</source>
            <translation>A password is never sent over plain http to another machine: use https</translation>
        </message>
        <message>
            <source>The certificate file cannot be read or holds no certificate</source>
            <translation>The certificate file cannot be read or holds no certificate</translation>
        </message>
        <message>
            <source>HQ's server refused the connection: it may be down or the address wrong</source>
            <translation>HQ's server refused the connection: it may be down or the address wrong</translation>
        </message>
        <message>
            <source>HQ's server was not found: check the address and the network</source>
            <translation>HQ's server was not found: check the address and the network</translation>
        </message>
        <message>
            <source>HQ did not answer in time: check the network and try again</source>
            <translation>HQ did not answer in time: check the network and try again</translation>
        </message>
        <message>
            <source>The connection to HQ broke: check the network and try again</source>
            <translation>The connection to HQ broke: check the network and try again</translation>
        </message>
        <message>
            <source>HQ's certificate is not trusted: choose HQ's certificate file (CA) in Settings</source>
            <translation>HQ's certificate is not trusted: choose HQ's certificate file (CA) in Settings</translation>
        </message>
        <message>
            <source>A secure connection to HQ could not be made: check the address and the device's date</source>
            <translation>A secure connection to HQ could not be made: check the address and the device's date</translation>
        </message>
        <message>
            <source>Wrong login or password</source>
            <translation>Wrong login or password</translation>
        </message>
        <message>
            <source>Sign in to sync (Settings)</source>
            <translation>Sign in to sync (Settings)</translation>
        </message>
        <message>
            <source>HQ no longer accepts this device's sign-in: sign in again</source>
            <translation>HQ no longer accepts this device's sign-in: sign in again</translation>
        </message>
        <message>
            <source>HQ revoked this device; its local data was removed. Sign in again.</source>
            <translation>HQ revoked this device; its local data was removed. Sign in again.</translation>
        </message>
        <message>
            <source>HQ's server had a problem: try again later</source>
            <translation>HQ's server had a problem: try again later</translation>
        </message>
        <message>
            <source>HQ refused the request</source>
            <translation>HQ refused the request</translation>
        </message>
        <message>
            <source>HQ's answer could not be understood: the app may need an update</source>
            <translation>HQ's answer could not be understood: the app may need an update</translation>
        </message>
        <message>
            <source>Changes by another user on this device are not synced yet: sign in as that user and sync first</source>
            <translation>Changes by another user on this device are not synced yet: sign in as that user and sync first</translation>
        </message>
        <message>
            <source>A sync is already running</source>
            <translation>A sync is already running</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::OrderEditor</name>
        <message>
            <source>List price</source>
            <translation>List price</translation>
        </message>
        <message>
            <source>Price list</source>
            <translation>Price list</translation>
        </message>
        <message>
            <source>Volume tier</source>
            <translation>Volume tier</translation>
        </message>
        <message>
            <source>Customer price</source>
            <translation>Customer price</translation>
        </message>
        <message>
            <source>Promotion</source>
            <translation>Promotion</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>Tax</translation>
        </message>
        <message>
            <source>Credit hold: this order takes the account to %1, over its limit of %2</source>
            <translation>Credit hold: this order takes the account to %1, over its limit of %2</translation>
        </message>
        <message>
            <source>Near the credit limit: %1 of %2 after this order</source>
            <translation>Near the credit limit: %1 of %2 after this order</translation>
        </message>
        <message>
            <source>The account is on credit hold at head office</source>
            <translation>The account is on credit hold at head office</translation>
        </message>
        <message>
            <source>%1 overdue, oldest %2 days</source>
            <translation>%1 overdue, oldest %2 days</translation>
        </message>
        <message>
            <source>incl.</source>
            <translation>incl.</translation>
        </message>
        <message>
            <source>In stock</source>
            <translation>In stock</translation>
        </message>
        <message>
            <source>Only %1 available (as of %2)</source>
            <translation>Only %1 available (as of %2)</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>unknown</translation>
        </message>
        <message>
            <source>%1: %2 short</source>
            <translation>%1: %2 short</translation>
        </message>
        <message>
            <source>Exposure %1 · limit %2</source>
            <translation>Exposure %1 · limit %2</translation>
        </message>
        <message>
            <source>none</source>
            <translation>none</translation>
        </message>
        <message>
            <source>Saved, but the signature was not stored: %1</source>
            <translation>Saved, but the signature was not stored: %1</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::SavedDocumentView</name>
        <message>
            <source>(pending)</source>
            <translation>(pending)</translation>
        </message>
        <message>
            <source>Quote %1</source>
            <translation>Quote %1</translation>
        </message>
        <message>
            <source>Order %1</source>
            <translation>Order %1</translation>
        </message>
        <message>
            <source>This quote is already converted to an order.</source>
            <translation>This quote is already converted to an order.</translation>
        </message>
        <message>
            <source>HQ rejected this quote.</source>
            <translation>HQ rejected this quote.</translation>
        </message>
        <message>
            <source>HQ rejected this quote: %1</source>
            <translation>HQ rejected this quote: %1</translation>
        </message>
        <message>
            <source>This quote was cancelled.</source>
            <translation>This quote was cancelled.</translation>
        </message>
        <message>
            <source>This quote expired on %1.</source>
            <translation>This quote expired on %1.</translation>
        </message>
        <message>
            <source>This quote has expired.</source>
            <translation>This quote has expired.</translation>
        </message>
        <message>
            <source>This quote has no lines.</source>
            <translation>This quote has no lines.</translation>
        </message>
        <message>
            <source>Not converted: %1</source>
            <translation>Not converted: %1</translation>
        </message>
        <message>
            <source>Order made from quote %1, saved on this device, waiting to sync.</source>
            <translation>Order made from quote %1, saved on this device, waiting to sync.</translation>
        </message>
        <message>
            <source>Cannot create the folder %1</source>
            <translation>Cannot create the folder %1</translation>
        </message>
        <message>
            <source>The PDF was not written: %1</source>
            <translation>The PDF was not written: %1</translation>
        </message>
        <message>
            <source>Saved as %1</source>
            <translation>Saved as %1</translation>
        </message>
    </context>
    <context>
        <name>karvan::app::StoreWorker</name>
        <message>
            <source>The device store is not open</source>
            <translation>The device store is not open</translation>
        </message>
        <message>
            <source>Enter your login</source>
            <translation>Enter your login</translation>
        </message>
        <message>
            <source>Enter your password</source>
            <translation>Enter your password</translation>
        </message>
        <message>
            <source>%1 changes are not synced yet. Sync before signing out.</source>
            <translation>%1 changes are not synced yet. Sync before signing out.</translation>
        </message>
        <message>
            <source>Enter the server's address</source>
            <translation>Enter the server's address</translation>
        </message>
    </context>
</TS>