using System.Reflection;
using Forum.Domain.Common;

namespace Forum.Tests.Support;

/// <summary>Given(events).When(decision).Then(events) for the pure rules of Forum.Domain, without a database.</summary>
public sealed class Spec<TState> where TState : class
{
    private readonly List<object> _given = [];
    private Verdict? _verdict;

    public Spec<TState> Given(params object[] events) { _given.AddRange(events); return this; }

    public Spec<TState> When(Func<TState, Verdict> decide) { _verdict = decide(Fold(_given)); return this; }

    public void Then(params object[] expected)
    {
        _verdict.ShouldNotBeNull();
        _verdict.Rejection.ShouldBeNull();
        // Structural comparison: events hold lists and dictionaries, which records compare by reference.
        _verdict.Events.Select(Describe).ShouldBe(expected.Select(Describe));
    }

    public void ThenRejected(RejectionKind kind, string rule)
    {
        _verdict.ShouldNotBeNull();
        _verdict.Rejection.ShouldNotBeNull($"expected the rule '{rule}' to refuse, but it accepted {_verdict.Events.Count} events");
        _verdict.Rejection.Rule.ShouldBe(rule);
        _verdict.Rejection.Kind.ShouldBe(kind);
        _verdict.Events.ShouldBeEmpty();
    }

    private static string Describe(object e) => e.GetType().Name + " " + System.Text.Json.JsonSerializer.Serialize(e, e.GetType());

    /// <summary>Folds events the way Marten does: the first through a static Create, the rest through Apply.</summary>
    public static TState Fold(IEnumerable<object> events)
    {
        TState? state = null;
        foreach (var e in events)
        {
            if (state is null)
            {
                var create = typeof(TState).GetMethod("Create", BindingFlags.Public | BindingFlags.Static, [e.GetType()])
                    ?? throw new InvalidOperationException($"{typeof(TState).Name} has no Create({e.GetType().Name})");
                state = (TState)create.Invoke(null, [e])!;
                continue;
            }
            var apply = typeof(TState).GetMethod("Apply", BindingFlags.Public | BindingFlags.Instance, [e.GetType()]);
            if (apply is null) continue;
            var result = apply.Invoke(state, [e]);
            if (result is TState next) state = next;
        }
        return state!;
    }
}
