using Headway.Core.Commitments;
using Headway.Core.Goals;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Headway.Core.Tests.Commitments;

public sealed class CommitmentRulesTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    private static readonly DateOnly Race = new(2027, 3, 14);

    private Commitment Open() =>
        new(1, 7, null, Race, "Hometown 5K", "https://example.org/5k", new Quantity(5, "km"), CommitmentStatus.Open, Now, null, null, 1);

    private Commitment Locked() => CommitmentRules.Lock(Open(), Now).Value;

    private ChangeOutcome Request(Commitment c, CommitmentChange change, bool partner = false, ChangeRequest? pending = null) =>
        CommitmentRules.RequestChange(c, change, Today, Now, partner, pending).Value;

    [Fact]
    public void CheckNew_ValidGoalCommitment_Accepted()
    {
        Assert.Null(CommitmentRules.CheckNew(7, null, Today, Today, "Hometown 5K", "https://example.org/5k", new Quantity(5, "km")));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(7L, 9L)]
    public void CheckNew_NotExactlyOneOfGoalOrAction_Invalid(long? goalId, long? actionId)
    {
        Assert.Equal(ErrorKind.Invalid, CommitmentRules.CheckNew(goalId, actionId, Race, Today, null, null, null)?.Kind);
    }

    [Fact]
    public void CheckNew_DateInThePast_Invalid()
    {
        Assert.Equal(ErrorKind.Invalid, CommitmentRules.CheckNew(7, null, Today.AddDays(-1), Today, null, null, null)?.Kind);
    }

    [Theory]
    [InlineData("ftp://example.org/race")]
    [InlineData("javascript:alert(1)")]
    [InlineData("example.org")]
    public void CheckNew_LinkNotHttp_Invalid(string link)
    {
        Assert.Equal(ErrorKind.Invalid, CommitmentRules.CheckNew(7, null, Race, Today, null, link, null)?.Kind);
    }

    [Theory]
    [InlineData("Hometown\n5K")]
    [InlineData("")]
    public void CheckNew_BadEventName_Invalid(string name)
    {
        Assert.Equal(ErrorKind.Invalid, CommitmentRules.CheckNew(7, null, Race, Today, name, null, null)?.Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void CheckNew_TargetNotPositive_Invalid(double amount)
    {
        Assert.Equal(ErrorKind.Invalid, CommitmentRules.CheckNew(7, null, Race, Today, null, null, new Quantity(amount, "km"))?.Kind);
    }

    [Fact]
    public void Lock_Open_LocksAndBumpsTheVersion()
    {
        var locked = Locked();

        Assert.Equal(CommitmentStatus.Locked, locked.Status);
        Assert.Equal(Now, locked.LockedAt);
        Assert.Equal(2, locked.Version);
    }

    [Fact]
    public void Lock_AlreadyLocked_Refused()
    {
        Assert.Equal(ErrorKind.Refused, CommitmentRules.Lock(Locked(), Now).Error?.Kind);
    }

    [Fact]
    public void RequestChange_EarlierDateOnLocked_AppliesAtOnce()
    {
        var outcome = Request(Locked(), CommitmentChange.Reschedule(Race.AddDays(-3)));

        Assert.True(outcome.Applied);
        Assert.Equal(Race.AddDays(-3), outcome.Commitment.Due);
        Assert.Equal(CommitmentStatus.Locked, outcome.Commitment.Status);
    }

    [Fact]
    public void RequestChange_LargerTargetOnLocked_AppliesAtOnce()
    {
        var outcome = Request(Locked(), CommitmentChange.Retarget(new Quantity(10, "km")));

        Assert.True(outcome.Applied);
        Assert.Equal(new Quantity(10, "km"), outcome.Commitment.Target);
    }

    [Fact]
    public void RequestChange_LaterDateOnOpen_AppliesAtOnce()
    {
        var outcome = Request(Open(), CommitmentChange.Reschedule(Race.AddDays(30)));

        Assert.True(outcome.Applied);
        Assert.Equal(Race.AddDays(30), outcome.Commitment.Due);
    }

    [Fact]
    public void RequestChange_LoosenLockedWithoutPartner_PendingCoolingOffForSevenDays()
    {
        var locked = Locked();

        var outcome = Request(locked, CommitmentChange.Reschedule(Race.AddDays(14)));

        Assert.False(outcome.Applied);
        Assert.Equal(locked, outcome.Commitment);
        var request = outcome.Request!;
        Assert.Equal(ChangeRequestStatus.Pending, request.Status);
        Assert.Equal(ApprovalPath.CoolingOff, request.Path);
        Assert.Equal(Now + TimeSpan.FromDays(7), request.EffectiveAt);
        Assert.Equal(locked.Version, request.CommitmentVersion);
    }

    [Fact]
    public void RequestChange_LoosenLockedWithPartner_PendingOnThePartnerPath()
    {
        var request = Request(Locked(), CommitmentChange.Retarget(new Quantity(3, "km")), partner: true).Request!;

        Assert.Equal(ApprovalPath.Partner, request.Path);
        Assert.Null(request.EffectiveAt);
        Assert.Equal(ChangeRequestStatus.Pending, request.Status);
    }

    [Fact]
    public void RequestChange_DropLocked_NeedsARequest()
    {
        var outcome = Request(Locked(), CommitmentChange.Drop());

        Assert.False(outcome.Applied);
        Assert.Equal(ChangeKind.Drop, outcome.Request!.Change.Kind);
    }

    [Fact]
    public void SettleCoolingOff_BeforeSevenDays_NothingYet_AfterSevenDays_Applied()
    {
        var locked = Locked();
        var request = Request(locked, CommitmentChange.Reschedule(Race.AddDays(14))).Request!;

        _clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Null(CommitmentRules.SettleCoolingOff(locked, request, Now));

        _clock.Advance(TimeSpan.FromMinutes(1));
        var (commitment, settled) = CommitmentRules.SettleCoolingOff(locked, request, Now)!.Value;

        Assert.Equal(Race.AddDays(14), commitment.Due);
        Assert.Equal(ChangeRequestStatus.Applied, settled.Status);
        Assert.Equal(Now, settled.SettledAt);
    }

    [Fact]
    public void SettleCoolingOff_PartnerPathRequest_NeverAppliesByItself()
    {
        var locked = Locked();
        var request = Request(locked, CommitmentChange.Drop(), partner: true).Request!;

        _clock.Advance(TimeSpan.FromDays(30));

        Assert.Null(CommitmentRules.SettleCoolingOff(locked, request, Now));
    }

    [Fact]
    public void SettleCoolingOff_CommitmentChangedAfterTheRequest_RequestVoid()
    {
        var locked = Locked();
        var request = Request(locked, CommitmentChange.Reschedule(Race.AddDays(14))).Request!;
        var tightened = Request(locked, CommitmentChange.Retarget(new Quantity(10, "km"))).Commitment;

        _clock.Advance(TimeSpan.FromDays(8));
        var (commitment, settled) = CommitmentRules.SettleCoolingOff(tightened, request, Now)!.Value;

        Assert.Equal(ChangeRequestStatus.Void, settled.Status);
        Assert.Equal(Race, commitment.Due);
        Assert.Equal(tightened, commitment);
    }

    [Fact]
    public void Approve_AppliesExactlyOnce()
    {
        var locked = Locked();
        var request = Request(locked, CommitmentChange.Reschedule(Race.AddDays(14)), partner: true).Request!;

        var (applied, approved) = CommitmentRules.Approve(locked, request, Now).Value;
        var again = CommitmentRules.Approve(applied, approved, Now);
        var (_, replayed) = CommitmentRules.Approve(applied, request, Now).Value;   // a stale copy of the pending request

        Assert.Equal(Race.AddDays(14), applied.Due);
        Assert.Equal(ChangeRequestStatus.Applied, approved.Status);
        Assert.Equal(ErrorKind.Refused, again.Error?.Kind);
        Assert.Equal(ChangeRequestStatus.Void, replayed.Status);
    }

    [Fact]
    public void Approve_CoolingOffRequest_RefusedSoTheWaitCannotBeSkipped()
    {
        var locked = Locked();
        var request = Request(locked, CommitmentChange.Reschedule(Race.AddDays(14))).Request!;

        var result = CommitmentRules.Approve(locked, request, Now);

        Assert.Equal(ErrorKind.Refused, result.Error?.Kind);
        Assert.Contains("cooling-off", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deny_EndsTheRequestAndASecondDecisionIsRefused()
    {
        var request = Request(Locked(), CommitmentChange.Drop(), partner: true).Request!;

        var denied = CommitmentRules.Deny(request, Now).Value;

        Assert.Equal(ChangeRequestStatus.Denied, denied.Status);
        Assert.Equal(ErrorKind.Refused, CommitmentRules.Deny(denied, Now).Error?.Kind);
        Assert.Equal(ErrorKind.Refused, CommitmentRules.Approve(Locked(), denied, Now).Error?.Kind);
    }

    [Fact]
    public void Withdraw_PendingRequest_NeverApplies()
    {
        var locked = Locked();
        var request = Request(locked, CommitmentChange.Reschedule(Race.AddDays(14))).Request!;

        var withdrawn = CommitmentRules.Withdraw(request, Now).Value;
        _clock.Advance(TimeSpan.FromDays(8));

        Assert.Equal(ChangeRequestStatus.Withdrawn, withdrawn.Status);
        Assert.Null(CommitmentRules.SettleCoolingOff(locked, withdrawn, Now));
        Assert.Equal(ErrorKind.Refused, CommitmentRules.Withdraw(withdrawn, Now).Error?.Kind);
    }

    [Fact]
    public void RequestChange_SecondLooseningWhileOneIsPending_RefusedWithHowToWithdraw()
    {
        var locked = Locked();
        var pending = Request(locked, CommitmentChange.Reschedule(Race.AddDays(14))).Request!;

        var second = CommitmentRules.RequestChange(locked, CommitmentChange.Drop(), Today, Now, false, pending);

        Assert.Equal(ErrorKind.Refused, second.Error?.Kind);
        Assert.Contains("headway commit withdraw 1", second.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestChange_TighteningWhileOneIsPending_StillAppliesAtOnce()
    {
        var locked = Locked();
        var pending = Request(locked, CommitmentChange.Reschedule(Race.AddDays(14))).Request!;

        var outcome = Request(locked, CommitmentChange.Reschedule(Race.AddDays(-1)), pending: pending);

        Assert.True(outcome.Applied);
        Assert.Equal(Race.AddDays(-1), outcome.Commitment.Due);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(0)]
    public void RequestChange_TargetNotPositive_InvalidEvenThoughItIsNotSmaller(double amount)
    {
        var result = CommitmentRules.RequestChange(Locked(), CommitmentChange.Retarget(new Quantity(amount, "km")), Today, Now, false, null);

        Assert.Equal(ErrorKind.Invalid, result.Error?.Kind);
    }

    [Fact]
    public void RequestChange_TargetInAnotherUnit_Invalid()
    {
        var result = CommitmentRules.RequestChange(Locked(), CommitmentChange.Retarget(new Quantity(5, "miles")), Today, Now, false, null);

        Assert.Equal(ErrorKind.Invalid, result.Error?.Kind);
        Assert.Contains("give the new target in km", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestChange_DateInThePastOrUnchanged_Invalid()
    {
        Assert.Equal(ErrorKind.Invalid, CommitmentRules.RequestChange(Locked(), CommitmentChange.Reschedule(Today.AddDays(-1)), Today, Now, false, null).Error?.Kind);
        Assert.Equal(ErrorKind.Invalid, CommitmentRules.RequestChange(Locked(), CommitmentChange.Reschedule(Race), Today, Now, false, null).Error?.Kind);
    }

    [Fact]
    public void Keep_BeforeOrOnTheDate_Kept()
    {
        _clock.Advance(TimeSpan.FromDays(13));   // the race day

        var kept = CommitmentRules.Keep(Locked(), Today, Now).Value;

        Assert.Equal(CommitmentStatus.Kept, kept.Status);
        Assert.Equal(Now, kept.ResolvedAt);
    }

    [Fact]
    public void Keep_AfterTheDate_RefusedAsMissed()
    {
        var locked = Locked();
        _clock.Advance(TimeSpan.FromDays(14));

        var result = CommitmentRules.Keep(locked, Today, Now);

        Assert.Equal(ErrorKind.Refused, result.Error?.Kind);
        Assert.Contains("missed", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DetectMissed_OnlyOnceTheDateHasPassed()
    {
        var locked = Locked();

        Assert.Null(CommitmentRules.DetectMissed(locked, Race));
        Assert.Equal(CommitmentStatus.Missed, CommitmentRules.DetectMissed(locked, Race.AddDays(1))?.Status);
        Assert.Null(CommitmentRules.DetectMissed(CommitmentRules.Keep(locked, Today, Now).Value, Race.AddDays(1)));
    }

    [Theory]
    [InlineData(CommitmentStatus.Kept)]
    [InlineData(CommitmentStatus.Missed)]
    [InlineData(CommitmentStatus.Dropped)]
    public void TerminalStates_RefuseEveryChange(CommitmentStatus status)
    {
        var ended = Locked() with { Status = status, ResolvedAt = Now };

        Assert.Equal(ErrorKind.Refused, CommitmentRules.RequestChange(ended, CommitmentChange.Reschedule(Race.AddDays(-1)), Today, Now, false, null).Error?.Kind);
        Assert.Equal(ErrorKind.Refused, CommitmentRules.RequestChange(ended, CommitmentChange.Drop(), Today, Now, true, null).Error?.Kind);
        Assert.Equal(ErrorKind.Refused, CommitmentRules.Lock(ended, Now).Error?.Kind);
        Assert.Equal(ErrorKind.Refused, CommitmentRules.Keep(ended, Today, Now).Error?.Kind);
        Assert.Null(CommitmentRules.DetectMissed(ended, Race.AddDays(30)));
    }

    [Fact]
    public void Approve_CommitmentEndedMeanwhile_RequestVoid()
    {
        var locked = Locked();
        var request = Request(locked, CommitmentChange.Reschedule(Race.AddDays(14)), partner: true).Request!;
        var kept = CommitmentRules.Keep(locked, Today, Now).Value;

        var (commitment, settled) = CommitmentRules.Approve(kept, request, Now).Value;

        Assert.Equal(ChangeRequestStatus.Void, settled.Status);
        Assert.Equal(kept, commitment);
    }
}
