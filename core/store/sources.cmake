# Sources of core/store (target_sources(karvan_core PRIVATE ...))
target_sources(karvan_core PRIVATE
  store/localstore.h store/localstore.cpp
  store/migrations.cpp
  store/sqlvalue.h
  store/searchtext.h store/searchtext.cpp
  store/searchindex.h store/searchindex.cpp
  store/customerrepository.h store/customerrepository.cpp
  store/productrepository.h store/productrepository.cpp
  store/pricelistrepository.h store/pricelistrepository.cpp
  store/stockrepository.h store/stockrepository.cpp
  store/outboxrepository.h store/outboxrepository.cpp
  store/documentrepository.h store/documentrepository.cpp
  store/invoicerepository.h store/invoicerepository.cpp
  store/ticketrepository.h store/ticketrepository.cpp
  store/activityrepository.h store/activityrepository.cpp
  store/opportunityrepository.h store/opportunityrepository.cpp
  store/receivablesquery.h store/receivablesquery.cpp
  store/fieldversionrepository.h store/fieldversionrepository.cpp
  store/conflictrepository.h store/conflictrepository.cpp
  store/todayquery.h store/todayquery.cpp
)
