// Collections run side by side, each on its own host and schema. Most of a collection's time is spent waiting (on a
// browser, a push, a mail, a host starting), so more of them at once than the two cores shortens the suite.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
