using CsCheck;
using Headway.Core.Commitments;
using Headway.Core.Goals;
using Xunit;

namespace Headway.Core.Tests.Commitments;

public sealed class CommitmentPropertyTests
{
    private enum Op { Request, Approve, Deny, Withdraw, Settle, Advance, Keep, DetectMissed }

    private static readonly Gen<(Op Op, int A, int B, bool Partner)> Step =
        Gen.Select(Gen.Enum<Op>(), Gen.Int[0, 40], Gen.Int[-5, 40], Gen.Bool, (op, a, b, p) => (op, a, b, p));

    /// <summary>
    /// Random sequences of requests, decisions, replays of stale request copies and time passing, on a locked
    /// commitment: it never gets easier except in the step where a request becomes Applied, and only through a
    /// partner's approval or a cooling-off that has run its 7 days; no request applies twice; a stricter change applies
    /// at once; a request overtaken by another change (void) never applies.
    /// </summary>
    [Fact]
    public void LockedCommitment_OnlyAnAppliedRequestLoosensIt_AndEachRequestAppliesAtMostOnce()
    {
        Step.List[1, 40].Sample(steps =>
        {
            var now = new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);
            var start = new Commitment(1, 7, null, new DateOnly(2027, 3, 20), null, null, new Quantity(10, "km"),
                CommitmentStatus.Open, now, null, null, 1);
            var c = CommitmentRules.Lock(start, now).Value;
            var seen = new List<ChangeRequest>();          // every copy ever returned, stale ones included
            var latest = new Dictionary<long, ChangeRequest>();
            var appliedCount = new Dictionary<long, int>();
            var voided = new HashSet<long>();
            long nextId = 1;

            foreach (var (op, a, b, partner) in steps)
            {
                var today = DateOnly.FromDateTime(now);
                var before = c;
                ChangeRequest? picked = seen.Count == 0 ? null : seen[a % seen.Count];
                ChangeRequest? after = null;

                switch (op)
                {
                    case Op.Request:
                        var change = (a % 3) switch
                        {
                            0 => CommitmentChange.Reschedule(c.Due.AddDays(b - 5)),
                            1 => CommitmentChange.Retarget(new Quantity(Math.Max(1, (c.Target?.Amount ?? 10) + b - 10), "km")),
                            _ => CommitmentChange.Drop(),
                        };
                        var pending = latest.Values.LastOrDefault(r => r.Status == ChangeRequestStatus.Pending);
                        var outcome = CommitmentRules.RequestChange(c, change, today, now, partner, pending);
                        if (c.Status == CommitmentStatus.Locked && !CommitmentRules.IsLoosening(c, change) && outcome.IsOk)
                        {
                            // Stricter: no request, no waiting, even with another request pending.
                            Assert.Null(outcome.Value.Request);
                            Assert.Equal(c.Version + 1, outcome.Value.Commitment.Version);
                            Assert.Equal(change.NewDue ?? c.Due, outcome.Value.Commitment.Due);
                            Assert.Equal(change.NewTarget ?? c.Target, outcome.Value.Commitment.Target);
                        }

                        if (outcome.IsOk)
                        {
                            c = outcome.Value.Commitment;
                            if (outcome.Value.Request is { } r)
                            {
                                Assert.Equal(before, c);
                                after = r with { Id = nextId++ };
                            }
                        }

                        break;
                    case Op.Approve when picked is not null:
                        var approved = CommitmentRules.Approve(c, picked, now);
                        if (approved.IsOk)
                        {
                            (c, after) = approved.Value;
                        }

                        break;
                    case Op.Deny when picked is not null:
                        var denied = CommitmentRules.Deny(picked, now);
                        after = denied.IsOk ? denied.Value : null;
                        break;
                    case Op.Withdraw when picked is not null:
                        var withdrawn = CommitmentRules.Withdraw(picked, now);
                        after = withdrawn.IsOk ? withdrawn.Value : null;
                        break;
                    case Op.Settle when picked is not null:
                        if (CommitmentRules.SettleCoolingOff(c, picked, now) is { } settled)
                        {
                            (c, after) = settled;
                        }

                        break;
                    case Op.Advance:
                        now = now.AddHours(a * 6);
                        break;
                    case Op.Keep:
                        var kept = CommitmentRules.Keep(c, today, now);
                        c = kept.IsOk ? kept.Value : c;
                        break;
                    case Op.DetectMissed:
                        c = CommitmentRules.DetectMissed(c, today) ?? c;
                        break;
                }

                var appliedNow = after is { Status: ChangeRequestStatus.Applied } && picked is { Status: ChangeRequestStatus.Pending };
                if (appliedNow)
                {
                    appliedCount[after!.Id] = appliedCount.GetValueOrDefault(after.Id) + 1;
                    Assert.Equal(before.Version, picked!.CommitmentVersion);
                    Assert.DoesNotContain(after.Id, voided);
                    Assert.True(op == Op.Approve ? picked.Path == ApprovalPath.Partner : now >= picked.RequestedAt + CommitmentRules.CoolingOff,
                        $"{op} applied a {picked.Path} request {now - picked.RequestedAt} after it was made");
                }

                // A request made before the commitment changed (or ended) is void when decided, and changes nothing.
                if (op is Op.Approve or Op.Settle && after is not null && picked is { Status: ChangeRequestStatus.Pending }
                    && (picked.CommitmentVersion != before.Version || !before.IsLive))
                {
                    Assert.Equal(ChangeRequestStatus.Void, after.Status);
                    Assert.Equal(before, c);
                    voided.Add(after.Id);
                }

                if (before.Status == CommitmentStatus.Locked)
                {
                    var later = c.Due > before.Due;
                    var smaller = c.Target is not null && before.Target is not null && c.Target.Amount < before.Target.Amount;
                    var dropped = c.Status == CommitmentStatus.Dropped;
                    Assert.True(!(later || smaller || dropped) || appliedNow, $"{op} loosened a locked commitment without an applied request");
                }

                if (after is not null)
                {
                    seen.Add(after);
                    latest[after.Id] = after;
                }
            }

            Assert.All(appliedCount.Values, n => Assert.Equal(1, n));
        }, iter: 2000);
    }
}
