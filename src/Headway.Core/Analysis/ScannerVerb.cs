namespace Headway.Core.Analysis;

internal ref partial struct Scanner
{
    /// <summary>Classifies a head verb by its particle and object, then adds its signal.</summary>
    private void Verb(int j, int end)
    {
        var e = Entry(j)!;
        var hit = NewHit(SignalCode.Vague, j, j, 0, halvable: false);
        FillObject(ref hit, j + 1, end);
        var p = Next(j);
        var obj = hit.ObjectHead >= 0 ? Entry(hit.ObjectHead)?.Objects ?? ObjKind.None : ObjKind.None;
        var all = hit.Objects;
        var evTo = j;
        var weight = 0;
        var act = e.Verb;

        bool HeadIs(ObjKind k) => (obj & k) != 0;
        bool AnyIs(ObjKind k) => (all & k) != 0;

        // "finish reading X" is reading, "finish writing X" is writing: the gerund carries the act
        if (e.Resolver == Resolver.None && (act == Act.Completion || act == Act.Vague) && IsWord(p) && _tokens[p].Length > 4
            && Span(p).EndsWith("ing", StringComparison.OrdinalIgnoreCase) && Entry(p) is { } g && (g.Verb != Act.None || g.Resolver != Resolver.None))
        {
            Verb(p, end);
            return;
        }

        switch (e.Resolver)
        {
            case Resolver.Buy:
                // buying shares or bonds is investing money, not acquiring things
                act = HeadIs(ObjKind.Registration) ? Act.Commitment : HeadIs(ObjKind.Investment) || Outcome is { Unit: "usd" or "eur" or "gbp" } && AnyIs(ObjKind.Investment)
                    ? Act.Completion : Act.Acquisition;
                break;
            case Resolver.Download:
                act = HeadIs(ObjKind.Document) && !HeadIs(ObjKind.Software) ? Act.None : Act.Acquisition;
                break;
            case Resolver.Get:
                if (WordIs(p, "back") || WordIs(p, "in") && WordIs(Next(p), "touch"))
                {
                    act = Act.Outreach;
                    evTo = WordIs(p, "back") ? p : Next(p);
                }
                else if (WordIs(p, "better") || WordIs(p, "in") || WordIs(p, "organized") || WordIs(p, "organised")
                    || WordIs(p, "started") || WordIs(p, "motivated") || WordIs(p, "healthy") || WordIs(p, "fit") || WordIs(p, "around"))
                {
                    act = Act.Vague;
                    evTo = p;
                }
                else if (WordIs(p, "up") || WordIs(p, "ready") || WordIs(p, "dressed"))
                {
                    act = Act.None;
                }
                else if (HeadIs(ObjKind.Response) || HeadIs(ObjKind.Person) && !HeadIs(ObjKind.Goods))
                {
                    act = Act.Outreach;
                }
                else if (HeadIs(ObjKind.Appointment) || HeadIs(ObjKind.Registration))
                {
                    act = Act.Commitment;
                }
                else if (Outcome is { Unit: "hours" or "minutes" })
                {
                    act = Act.Practice;
                }
                else
                {
                    act = Act.Acquisition;
                }

                break;
            case Resolver.SignUp:
                act = SignUpAct(obj, all);
                break;
            case Resolver.Sign:
                if (WordIs(p, "up") || WordIs(p, "on"))
                {
                    evTo = p;
                    act = SignUpAct(obj, all);
                }
                else
                {
                    act = Act.Completion;
                }

                break;
            case Resolver.Make:
                if (WordIs(p, "time"))
                {
                    act = Act.Vague;
                    evTo = p;
                }
                else if (HeadIs(ObjKind.PlanArtifact) && !HeadIs(ObjKind.Work))
                {
                    act = Act.Preparation;
                }
                else if (HeadIs(ObjKind.Appointment) || WordIs(hit.ObjectHead, "reservation") || WordIs(hit.ObjectHead, "reservations"))
                {
                    act = Act.Commitment;
                }
                else if (WordIs(hit.ObjectHead, "call") || WordIs(hit.ObjectHead, "calls"))
                {
                    act = Act.Outreach;
                }
                else if (HeadIs(ObjKind.Food))
                {
                    act = Act.Completion;
                }

                break;
            case Resolver.Plan:
                act = WordIs(p, "out") ? Act.Preparation : HeadIs(ObjKind.Event) || HeadIs(ObjKind.Group) ? Act.Commitment : Act.Preparation;
                break;
            case Resolver.Organize:
                act = HeadIs(ObjKind.Event) || HeadIs(ObjKind.Group) ? Act.Commitment : Act.Preparation;
                break;
            case Resolver.Read:
                if (WordIs(p, "to") && !AnyIs(ObjKind.Platform))
                {
                    act = Act.Practice;
                }
                else if (WordIs(p, "up"))
                {
                    act = Act.Consumption;
                    evTo = p;
                }
                else if (Is(hit.ObjectStart, WordClass.Possessive) && (HeadIs(ObjKind.Work)) && (AnyIs(ObjKind.Venue) || AnyIs(ObjKind.Event) || AnyIs(ObjKind.Group)))
                {
                    act = Act.Exposure;
                }
                else if (Is(hit.ObjectStart, WordClass.Possessive) && WordIs(hit.ObjectStart, "my") && HeadIs(ObjKind.Work))
                {
                    act = Act.Preparation;
                }

                if (WordIs(p, "through") || WordIs(p, "over"))
                {
                    evTo = p;
                }

                break;
            case Resolver.Play:
                if (HeadIs(ObjKind.Game) || AnyIs(ObjKind.Game))
                {
                    act = Act.Consumption;
                }
                else if (AnyIs(ObjKind.Venue) || HeadIs(ObjKind.Event) || AnyIs(ObjKind.Event) && !AnyIs(ObjKind.Game))
                {
                    act = Act.Exposure;
                }

                break;
            case Resolver.Go:
                act = GoAct(j, p, ref evTo, obj);
                break;
            case Resolver.Attend:
                act = WordIs(hit.ObjectHead, "webinar") || WordIs(hit.ObjectHead, "webinars") || WordIs(hit.ObjectHead, "livestream")
                    || WordIs(hit.ObjectHead, "stream") ? Act.Consumption : Act.Exposure;
                break;
            case Resolver.Join:
                act = AnyIs(ObjKind.Platform) || HeadIs(ObjKind.Subscription) ? Act.PassiveConnection : Act.Commitment;
                break;
            case Resolver.Add:
                if (HeadIs(ObjKind.Deadline) || ContainsWord(j, end, "calendar") || ContainsWord(j, end, "cal"))
                {
                    act = Act.Commitment;
                }
                else if (AnyIs(ObjKind.Platform) || HeadIs(ObjKind.Person))
                {
                    act = Act.PassiveConnection;
                }
                else if (ContainsWord(j, end, "cart") || ContainsWord(j, end, "wishlist"))
                {
                    act = Act.Acquisition;
                }
                else
                {
                    weight = Weights.WeakCompletion;
                }

                break;
            case Resolver.Give:
                if (Is(p, WordClass.Reflexive))
                {
                    act = Act.Commitment;
                    evTo = p;
                }
                else if (WordIs(p, "up"))
                {
                    act = Act.Vague;
                    evTo = p;
                }
                else if (HeadIs(ObjKind.Response))
                {
                    act = Act.Outreach;
                }
                else if (WordIs(p, "away") || WordIs(p, "back"))
                {
                    act = Act.Completion;
                    evTo = p;
                }
                else if (!(HeadIs(ObjKind.Media) || HeadIs(ObjKind.Work) || HeadIs(ObjKind.Event) || HeadIs(ObjKind.Course)
                    || WordIs(hit.ObjectHead, "presentation") || WordIs(hit.ObjectHead, "toast") || WordIs(hit.ObjectHead, "performance")))
                {
                    act = Act.Completion;
                }

                break;
            case Resolver.Set:
                if (WordIs(p, "up"))
                {
                    evTo = p;
                    act = HeadIs(ObjKind.PlanArtifact) ? Act.Preparation
                        : HeadIs(ObjKind.Appointment) || HeadIs(ObjKind.Meal) ? Act.Commitment : Act.Completion;
                }
                else if (HeadIs(ObjKind.Deadline) || HeadIs(ObjKind.Appointment) || WordIs(hit.ObjectHead, "meeting"))
                {
                    act = Act.Commitment;
                }
                else
                {
                    act = Act.Preparation;
                }

                break;
            case Resolver.Do:
                act = DoAct(hit.ObjectHead, obj);
                break;
            case Resolver.Take:
                act = HeadIs(ObjKind.Exam) ? Act.Exposure
                    : HeadIs(ObjKind.Course) || HeadIs(ObjKind.PracticePlace) && !HeadIs(ObjKind.Exercise) ? Act.Commitment
                    : HeadIs(ObjKind.Exercise) || WordIs(hit.ObjectHead, "walk") || WordIs(hit.ObjectHead, "hike") ? Act.Practice
                    : HeadIs(ObjKind.PlanArtifact) ? Act.Preparation
                    : WordIs(hit.ObjectHead, "photo") || WordIs(hit.ObjectHead, "photos") || WordIs(hit.ObjectHead, "pictures") ? Act.Creation
                    : WordIs(hit.ObjectHead, "break") || WordIs(hit.ObjectHead, "nap") ? Act.None
                    : Act.Completion;
                break;
            case Resolver.Tell:
                if (Is(p, WordClass.Reflexive))
                {
                    act = Act.Intention;
                    evTo = p;
                }

                break;
            case Resolver.Write:
                if (WordIs(p, "to") || WordIs(p, "back"))
                {
                    act = Act.Outreach;
                    evTo = p;
                }
                else if (WordIs(p, "down") || WordIs(p, "out") || HeadIs(ObjKind.PlanArtifact) && !HeadIs(ObjKind.Work) || HeadIs(ObjKind.Goal))
                {
                    act = Act.Preparation;
                    evTo = WordIs(p, "down") || WordIs(p, "out") ? p : j;
                }

                break;
            case Resolver.Share:
                act = HeadIs(ObjKind.Goal) || HeadIs(ObjKind.PlanArtifact) ? Act.Outreach : Act.Exposure;
                break;
            case Resolver.Send:
                act = HeadIs(ObjKind.Work) || HeadIs(ObjKind.Document) ? Act.Exposure : Act.Outreach;
                break;
            case Resolver.Save:
                act = HeadIs(ObjKind.Money) || Outcome is { Unit: "usd" or "eur" or "gbp" or "percent" } || WordIs(p, "up")
                    ? Act.Completion : Act.Consumption;
                break;
            case Resolver.Follow:
                if (WordIs(p, "up") || WordIs(p, "through") || WordIs(j, "followup"))
                {
                    act = WordIs(p, "through") ? Act.Completion : Act.Outreach;
                    evTo = WordIs(j, "followup") ? j : p;
                }

                break;
            case Resolver.Look:
                act = WordIs(p, "into") ? Act.Intention
                    : WordIs(p, "for") ? Act.Preparation
                    : WordIs(p, "forward") ? Act.Intention
                    : Act.Consumption;
                if (IsParticle(p) || WordIs(p, "for") || WordIs(p, "at") || WordIs(p, "forward"))
                {
                    evTo = p;
                }

                break;
            case Resolver.Work:
                if (WordIs(p, "out"))
                {
                    act = Act.Practice;
                    evTo = p;
                }
                else if (WordIs(p, "through"))
                {
                    act = Act.Practice;
                    evTo = p;
                }
                else if (Outcome is { Unit: "hours" or "minutes" })
                {
                    act = Act.Practice;
                    evTo = WordIs(p, "on") || WordIs(p, "at") ? p : j;
                }
                else if (WordIs(p, "on") || WordIs(p, "at") || WordIs(p, "towards") || WordIs(p, "toward"))
                {
                    act = Act.Vague;
                    evTo = p;
                }

                break;
            case Resolver.Check:
                if (WordIs(p, "in") && (WordIs(Next(p), "with") || WordIs(Next(p), "w") || HeadIs(ObjKind.Person)))
                {
                    act = Act.Outreach;
                    evTo = p;
                }
                else if (WordIs(p, "out") || WordIs(p, "on"))
                {
                    evTo = p;
                }
                else if (WordIs(p, "off"))
                {
                    act = Act.Completion;
                    evTo = p;
                }

                break;
            case Resolver.Learn:
                if (WordIs(p, "about") || WordIs(p, "more") || WordIs(p, "up"))
                {
                    act = Act.Consumption;
                    evTo = p;
                }
                else if (Outcome is not null)
                {
                    act = Act.Practice;
                }

                break;
            case Resolver.Update:
                act = HeadIs(ObjKind.Person) ? Act.Outreach : Act.Polishing;
                weight = act == Act.Polishing ? 35 : 0;
                break;
            case Resolver.Run:
                act = WordIs(hit.ObjectHead, "errands") ? Act.Completion
                    : (HeadIs(ObjKind.Event) || HeadIs(ObjKind.Course) || HeadIs(ObjKind.Group)) && !HeadIs(ObjKind.Exercise)
                        && !WordIs(hit.ObjectHead, "race") && !WordIs(hit.ObjectHead, "marathon") && Outcome?.Unit != "km"
                        ? Act.Exposure : Act.Practice;
                break;
            case Resolver.Submit:
                act = HeadIs(ObjKind.Document) && !HeadIs(ObjKind.Work) ? Act.Completion : Act.Exposure;
                break;
            case Resolver.Install:
                act = HeadIs(ObjKind.Software) || AnyIs(ObjKind.Platform) ? Act.Acquisition : Act.Completion;
                break;
            case Resolver.Pick:
                if (WordIs(p, "up"))
                {
                    evTo = p;
                    act = HeadIs(ObjKind.Goods) || HeadIs(ObjKind.Software) ? Act.Acquisition : Act.Completion;
                }
                else
                {
                    act = Act.Preparation;
                }

                break;
            case Resolver.Pay:
                if (WordIs(p, "off") || WordIs(p, "down"))
                {
                    evTo = p;
                }
                else if (WordIs(p, "for") && (HeadIs(ObjKind.Goods) || HeadIs(ObjKind.Course) || HeadIs(ObjKind.Software) || HeadIs(ObjKind.Subscription)))
                {
                    act = Act.Acquisition;
                    evTo = p;
                }

                break;
            case Resolver.Visit:
                act = HeadIs(ObjKind.Platform) || WordIs(hit.ObjectHead, "website") || WordIs(hit.ObjectHead, "site") ? Act.Consumption : Act.Outreach;
                break;
            case Resolver.See:
                act = HeadIs(ObjKind.Media) || WordIs(hit.ObjectHead, "play") || WordIs(hit.ObjectHead, "musical") ? Act.Consumption
                    : HeadIs(ObjKind.Person) && (WordIs(hit.ObjectHead, "doctor") || WordIs(hit.ObjectHead, "dentist") || WordIs(hit.ObjectHead, "therapist")
                        || WordIs(hit.ObjectHead, "dr")) ? Act.Commitment
                    : HeadIs(ObjKind.Person) || (_tokens[Math.Max(hit.ObjectHead, 0)].Flags & TokenFlags.Capitalized) != 0 && hit.ObjectHead >= 0 ? Act.Outreach
                    : Act.None;
                break;
            case Resolver.Have:
                act = HeadIs(ObjKind.Meal) && (ContainsWord(j, end, "with") || ContainsWord(j, end, "w")) || WordIs(hit.ObjectHead, "conversation")
                    || WordIs(hit.ObjectHead, "talk") ? Act.Outreach : Act.None;
                break;
            case Resolver.Find:
                act = HeadIs(ObjKind.Person) ? Act.Outreach : Act.Preparation;
                break;
            case Resolver.Collect:
                act = HeadIs(ObjKind.Response) ? Act.Outreach : Act.Preparation;
                break;
            case Resolver.Prepare:
                act = WordIs(p, "for") ? Act.Preparation
                    : HeadIs(ObjKind.Food) ? Act.Completion
                    : HeadIs(ObjKind.Work) || WordIs(hit.ObjectHead, "presentation") || WordIs(hit.ObjectHead, "speech") || WordIs(hit.ObjectHead, "talk")
                        ? Act.Creation : Act.Preparation;
                break;
            case Resolver.Try:
                if (WordIs(p, "out") && WordIs(Next(p), "for"))
                {
                    act = Act.Exposure;
                    evTo = Next(p);
                }
                else if (HeadIs(ObjKind.Software) || HeadIs(ObjKind.Platform))
                {
                    act = Act.Consumption;
                }
                else if (HeadIs(ObjKind.Food))
                {
                    act = Act.Completion;
                }

                break;
            case Resolver.File:
                act = HeadIs(ObjKind.Document) || HeadIs(ObjKind.Money) ? Act.Completion : Act.Preparation;
                break;
            case Resolver.Enter:
                act = HeadIs(ObjKind.Info) || WordIs(hit.ObjectHead, "receipts") || WordIs(hit.ObjectHead, "expenses") ? Act.Preparation : Act.Exposure;
                break;
            case Resolver.Review:
                act = WordIs(hit.ObjectHead, "flashcards") || WordIs(hit.ObjectHead, "flashcard") || WordIs(hit.ObjectHead, "vocab")
                    || WordIs(hit.ObjectHead, "notes") && Outcome is not null ? Act.Practice
                    : hit.Owner >= 0 && !WordIs(hit.Owner, "my") && (HeadIs(ObjKind.Work) || HeadIs(ObjKind.Document)) ? Act.Completion
                    : Act.Preparation;
                break;
            case Resolver.Start:
                if (Entry(p) is { } nv && (nv.Verb != Act.None || nv.Resolver != Resolver.None) && !nv.Is(WordClass.Determiner) && !WordIs(p, "on"))
                {
                    Verb(p, end);
                    return;
                }

                act = WordIs(p, "on") ? Act.Vague : HeadIs(ObjKind.Work) || HeadIs(ObjKind.Media) ? Act.Creation : Act.Vague;
                break;
            case Resolver.Color:
                if (WordIs(p, "code") || WordIs(p, "coding") || WordIs(p, "coded"))
                {
                    act = Act.Preparation;
                    evTo = p;
                }

                break;
            case Resolver.Sketch:
                if (WordIs(p, "out") || WordIs(j, "map") || WordIs(j, "maps") || WordIs(j, "mapping"))
                {
                    act = Act.Preparation;
                    evTo = WordIs(p, "out") ? p : j;
                }

                break;
            case Resolver.Think:
                if (WordIs(p, "about") || WordIs(p, "through") || WordIs(p, "of") || WordIs(p, "over"))
                {
                    evTo = p;
                }

                break;
            case Resolver.Invest:
                if (WordIs(p, "in") && (HeadIs(ObjKind.Goods) || HeadIs(ObjKind.Course) || HeadIs(ObjKind.Software)))
                {
                    act = Act.Acquisition;
                    evTo = p;
                }

                break;
            case Resolver.Connect:
                if (WordIs(p, "with") || WordIs(p, "w"))
                {
                    evTo = SymbolIs(p + 1, '/') ? p + 1 : p;
                }

                break;
            case Resolver.Edit:
                weight = Weights.WeakCreation;
                break;
            case Resolver.Catch:
                if (WordIs(p, "up"))
                {
                    evTo = p;
                    var q = Next(p);
                    act = WordIs(q, "on") ? Act.Consumption : Act.Outreach;
                }
                else
                {
                    act = Act.None;
                }

                break;
            case Resolver.Reach:
                if (WordIs(p, "out"))
                {
                    evTo = p;
                }

                break;
            case Resolver.Clean:
                if (WordIs(p, "up") || WordIs(p, "out"))
                {
                    evTo = p;
                }

                if (WordIs(hit.ObjectHead, "desktop") || WordIs(hit.ObjectHead, "files") || WordIs(hit.ObjectHead, "inbox")
                    || WordIs(hit.ObjectHead, "downloads") || WordIs(hit.ObjectHead, "bookmarks") || WordIs(hit.ObjectHead, "tabs")
                    || WordIs(hit.ObjectHead, "drive") || WordIs(hit.ObjectHead, "notes"))
                {
                    act = Act.Preparation;
                }

                break;
            case Resolver.List:
                act = AnyIs(ObjKind.Platform) || ContainsWord(j, end, "marketplace") || ContainsWord(j, end, "craigslist") || ContainsWord(j, end, "ebay")
                    ? Act.Exposure : Act.Preparation;
                break;
            case Resolver.Meet:
                act = HeadIs(ObjKind.Person) || WordIs(p, "with") || WordIs(p, "w") || WordIs(p, "up")
                    || hit.ObjectHead >= 0 && (_tokens[hit.ObjectHead].Flags & TokenFlags.Capitalized) != 0
                    ? Act.Outreach : Act.Completion;
                break;
            default:
                break;
        }

        if (act == Act.None)
        {
            AddPolishCue(j, end, act);
            return;
        }

        if (act is Act.Practice or Act.Completion or Act.Creation && Outcome is null && IsVagueAmount(hit.ObjectStart) && hit.ObjectStart < end)
        {
            // "drink more water", "exercise more", "eat better": a wish with nothing to check
            act = Act.Vague;
            evTo = hit.ObjectStart;
            weight = 0;
        }

        if (evTo == j && e.Resolver == Resolver.None && (WordIs(p, "out") || WordIs(p, "up")))
        {
            evTo = p;
        }

        if (evTo > j)
        {
            // the object starts after the particle ("color code the syllabus", "look through old photos")
            var kinds = hit.Objects;
            FillObject(ref hit, evTo + 1, end);
            hit.Objects |= kinds;
        }

        hit.Code = Weights.Code(act);
        hit.Weight = weight > 0 ? weight : Weights.Of(act);
        hit.Halvable = act.IsPassive() && act is not Act.Intention and not Act.Polishing;
        hit.To = _tokens[Math.Max(evTo, j)].End;
        Add(hit);

        AddPolishCue(j, end, act);

        // "tell myself i'm going to work out": keep reading the intended action after the reflexive.
        if (act == Act.Intention && e.Resolver == Resolver.Tell)
        {
            var k = evTo + 1;
            while (k < end && IsWord(k) && Entry(k) is { } f && (f.Is(WordClass.Pronoun) || f.Is(WordClass.Filler)
                || WordIs(k, "going") || WordIs(k, "to") || WordIs(k, "that") || WordIs(k, "gonna") || WordIs(k, "will")))
            {
                k++;
            }

            if (k < end && Entry(k) is { } v && (v.Verb != Act.None || v.Resolver != Resolver.None) && k != j)
            {
                Verb(k, end);
            }
        }
    }

    private readonly bool IsVagueAmount(int i) =>
        WordIs(i, "more") || WordIs(i, "less") || WordIs(i, "better") || WordIs(i, "healthier") || WordIs(i, "earlier")
        || WordIs(i, "regularly") || WordIs(i, "consistently") || WordIs(i, "often");

    private static Act SignUpAct(ObjKind head, ObjKind all) =>
        (head & (ObjKind.Subscription | ObjKind.Software)) != 0 || (all & ObjKind.Platform) != 0 && (head & (ObjKind.Event | ObjKind.Course)) == 0
            ? Act.Acquisition : Act.Commitment;

    private readonly Act GoAct(int j, int p, ref int evTo, ObjKind obj)
    {
        if (WordIs(p, "over") || WordIs(p, "through"))
        {
            evTo = p;
            return Act.Preparation;
        }

        if (Entry(p) is { } gerund && _tokens[p].Length > 4 && Span(p).EndsWith("ing", StringComparison.OrdinalIgnoreCase)
            && gerund.Verb != Act.None)
        {
            evTo = p;
            return gerund.Verb;
        }

        if (WordIs(p, "see") || WordIs(p, "watch"))
        {
            evTo = p;
            return Act.Consumption;
        }

        if (WordIs(p, "for") || WordIs(p, "on"))
        {
            evTo = p;
            return Act.Practice;
        }

        if (WordIs(p, "to") || WordIs(p, "into"))
        {
            evTo = p;
            if ((obj & ObjKind.PracticePlace) != 0 || (obj & ObjKind.Exercise) != 0)
            {
                return Act.Practice;
            }

            if ((obj & (ObjKind.Venue | ObjKind.Event | ObjKind.Group)) != 0)
            {
                return Act.Exposure;
            }

            if ((obj & ObjKind.Store) != 0)
            {
                return Act.Acquisition;
            }

            if ((obj & ObjKind.Media) != 0)
            {
                return Act.Consumption;
            }

            if ((obj & (ObjKind.Appointment | ObjKind.Person)) != 0)
            {
                return Act.Commitment;
            }

            return Act.Completion;
        }

        return j >= 0 ? Act.Practice : Act.None;
    }

    private readonly Act DoAct(int head, ObjKind obj)
    {
        if ((obj & (ObjKind.Exercise | ObjKind.PracticePlace)) != 0 || Outcome is { Unit: "reps" or "sets" or "pushups" or "situps" or "pullups" or "laps" })
        {
            return Act.Practice;
        }

        if (head >= 0 && Entry(head) is { } he && he.Verb != Act.None && he.Verb != Act.Completion && (obj & ObjKind.Chore) == 0
            && he.Unit is null && (Span(head).EndsWith("ing", StringComparison.OrdinalIgnoreCase) || he.Verb is Act.Preparation or Act.Consumption))
        {
            // "do some research", "do the reading", "do 50 pushups"
            return he.Verb == Act.Creation || he.Verb == Act.Practice || he.Verb.IsPassive() ? he.Verb : Act.Completion;
        }

        if ((obj & (ObjKind.Exercise | ObjKind.PracticePlace)) != 0)
        {
            return Act.Practice;
        }

        return Act.Completion;
    }

    private readonly bool ContainsWord(int from, int end, string word)
    {
        for (var i = from; i < end; i++)
        {
            if (WordIs(i, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"one more time", "again", "fancier": perfecting rather than producing, unless the act reaches out.</summary>
    private void AddPolishCue(int j, int end, Act act)
    {
        if (act is Act.Outreach or Act.Exposure or Act.Commitment or Act.Practice or Act.Polishing or Act.Consumption
            or Act.Acquisition or Act.Intention)
        {
            return;
        }

        for (var i = j + 1; i < end; i++)
        {
            if (WordIs(i, "one") && WordIs(i + 1, "more") && (WordIs(i + 2, "time") || WordIs(i + 2, "pass")))
            {
                AddAt(SignalCode.Polishing, i, i + 2, Weights.Of(Act.Polishing), halvable: false);
                return;
            }

            if (WordIs(i, "once") && WordIs(i + 1, "more"))
            {
                AddAt(SignalCode.Polishing, i, i + 1, Weights.Of(Act.Polishing), halvable: false);
                return;
            }

            if (Is(i, WordClass.PolishCue))
            {
                AddAt(SignalCode.Polishing, i, i, Weights.Of(Act.Polishing), halvable: false);
                return;
            }
        }
    }
}
