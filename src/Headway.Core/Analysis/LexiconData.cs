namespace Headway.Core.Analysis;

internal static partial class Lexicon
{
    private static void AddVerbs(Builder b)
    {
        // Resolvers first: the first registration of a form wins.
        b.Verbs(Act.Acquisition, "buy purchase order shop preorder grab", Resolver.Buy);
        b.Forms("buy", "bought");
        b.Verbs(Act.Acquisition, "download", Resolver.Download);
        b.Verbs(Act.Acquisition, "get", Resolver.Get);
        b.Forms("get", "got getting gotten");
        b.Verbs(Act.Commitment, "register enroll enrol", Resolver.SignUp);
        b.Verbs(Act.Completion, "sign", Resolver.Sign);
        b.Verbs(Act.Creation, "make create design build develop", Resolver.Make);
        b.Forms("make", "made");
        b.Forms("build", "built");
        b.Verbs(Act.Preparation, "plan", Resolver.Plan);
        b.Verbs(Act.Preparation, "organize organise", Resolver.Organize);
        b.Verbs(Act.Consumption, "read reread", Resolver.Read);
        b.Verbs(Act.Practice, "play", Resolver.Play);
        b.Verbs(Act.Practice, "go head", Resolver.Go);
        b.Forms("go", "went goes going");
        b.Verbs(Act.Exposure, "attend", Resolver.Attend);
        b.Verbs(Act.Commitment, "join", Resolver.Join);
        b.Verbs(Act.Completion, "add", Resolver.Add);
        b.Verbs(Act.Exposure, "give", Resolver.Give);
        b.Forms("give", "gave given");
        b.Verbs(Act.Preparation, "set", Resolver.Set);
        b.Verbs(Act.Completion, "do", Resolver.Do);
        b.Forms("do", "did done doing does");
        b.Verbs(Act.Completion, "take", Resolver.Take);
        b.Forms("take", "took taken");
        b.Verbs(Act.Outreach, "tell", Resolver.Tell);
        b.Forms("tell", "told");
        b.Verbs(Act.Creation, "write", Resolver.Write);
        b.Forms("write", "wrote written");
        b.Verbs(Act.Exposure, "share", Resolver.Share);
        b.Verbs(Act.Outreach, "send mail", Resolver.Send);
        b.Forms("send", "sent");
        b.Verbs(Act.Consumption, "save", Resolver.Save);
        b.Verbs(Act.Consumption, "follow", Resolver.Follow);
        b.Verbs(Act.Consumption, "look", Resolver.Look);
        b.Verbs(Act.None, "work", Resolver.Work);
        b.Verbs(Act.Consumption, "check", Resolver.Check);
        b.Verbs(Act.Vague, "learn", Resolver.Learn);
        b.Verbs(Act.Polishing, "update refresh", Resolver.Update);
        b.Verbs(Act.Practice, "run", Resolver.Run);
        b.Forms("run", "ran");
        b.Verbs(Act.Exposure, "submit", Resolver.Submit);
        b.Verbs(Act.Completion, "install", Resolver.Install);
        b.Verbs(Act.Completion, "pick", Resolver.Pick);
        b.Verbs(Act.Completion, "pay", Resolver.Pay);
        b.Forms("pay", "paid");
        b.Verbs(Act.Outreach, "visit", Resolver.Visit);
        b.Verbs(Act.None, "see", Resolver.See);
        b.Verbs(Act.None, "have", Resolver.Have);
        b.Verbs(Act.Preparation, "find", Resolver.Find);
        b.Verbs(Act.Preparation, "collect gather compile", Resolver.Collect);
        b.Verbs(Act.Preparation, "prepare prep", Resolver.Prepare);
        b.Verbs(Act.Practice, "try", Resolver.Try);
        b.Verbs(Act.Preparation, "file", Resolver.File);
        b.Verbs(Act.Exposure, "enter", Resolver.Enter);
        b.Verbs(Act.Preparation, "review", Resolver.Review);
        b.Verbs(Act.None, "start begin", Resolver.Start);
        b.Verbs(Act.Creation, "color colour", Resolver.Color);
        b.Verbs(Act.Creation, "sketch map", Resolver.Sketch);
        b.Verbs(Act.Intention, "think", Resolver.Think);
        b.Forms("think", "thought");
        b.Verbs(Act.Completion, "invest", Resolver.Invest);
        b.Verbs(Act.PassiveConnection, "connect", Resolver.Connect);
        b.Verbs(Act.Creation, "edit revise proofread rewrite", Resolver.Edit);
        b.Verbs(Act.Outreach, "catch", Resolver.Catch);
        b.Verbs(Act.Outreach, "reach", Resolver.Reach);
        b.Verbs(Act.Completion, "clean", Resolver.Clean);
        b.Verbs(Act.Preparation, "list", Resolver.List);
        b.Verbs(Act.Outreach, "meet", Resolver.Meet);
        b.Forms("meet", "met");
        b.Verbs(Act.Commitment, "sign-up signup", Resolver.SignUp);

        b.Verbs(Act.Creation, """
            draft compose generate author pen code program implement prototype paint draw illustrate sculpt carve
            knit crochet sew quilt embroider film shoot photograph record produce mix master animate craft bake cook
            brew translate outline storyboard script choreograph arrange doodle weave solder assemble construct
            journal blog vlog podcast
            """);
        b.Forms("shoot", "shot");
        b.Verbs(Act.Outreach, """
            ask email e-mail call text dm message msg ping phone ring invite contact pitch introduce propose negotiate
            request interview thank congratulate apologize apologise reply respond answer comment recommend refer
            nominate consult greet hug befriend chat reconnect confront persuade convince lobby petition canvass
            survey poll mentor tutor coach welcome facetime skype zoom quote invoice intro query fup
            """);
        b.Forms("ask", "asked");
        b.Verbs(Act.Exposure, """
            present perform sing speak audition compete publish launch ship release upload post tweet showcase
            exhibit demo sell teach lead host facilitate moderate emcee volunteer apply debate recite premiere
            broadcast livestream announce unveil open-source advertise promote network busk
            """);
        b.Forms("sing", "sang sung");
        b.Forms("speak", "spoke spoken");
        b.Forms("sell", "sold");
        b.Forms("teach", "taught");
        b.Forms("lead", "led");
        b.Verbs(Act.Commitment, """
            schedule book reserve rsvp commit pledge calendar confirm arrange coordinate throw block sponsor
            """);
        b.Verbs(Act.Practice, """
            practice practise rehearse train drill study memorize memorise jog walk swim bike cycle hike lift row
            climb stretch meditate squat spar box skate ski surf paddle dance sprint bench deadlift plank drink eat
            sleep floss spin skip hula recite conjugate sing-along workout exercise pray garden
            """);
        b.Forms("swim", "swam");
        b.Verbs(Act.Completion, """
            finish complete wrap deliver close cancel return donate fix repair replace mow vacuum mop wash scrub
            declutter paint assemble mount hang transfer deposit contribute refinance consolidate increase max
            renew open settle claim resolve serve feed babysit repot prune weed plant harvest shovel rake sweep
            dust iron fold launder empty recycle unsubscribe delete remove quit pitch-in fund tip earn
            raise cut reduce lower lose gain spend budget sweep groom walk-through
            """);
        b.Forms("hang", "hung");
        b.Verbs(Act.Consumption, """
            watch rewatch view listen hear browse scroll skim binge stream surf like favorite favourite fav heart
            upvote retweet repost bookmark pin clip subscribe google search explore peruse lurk flip leaf scan
            observe attend-online
            """);
        b.Verbs(Act.Acquisition, "rent lease upgrade acquire stock restock splurge");
        b.Verbs(Act.Intention, "consider ponder contemplate wonder dream imagine hope wish want intend aim vow resolve mull decide debate-whether");
        b.Verbs(Act.Preparation, """
            research reorganize reorganise rearrange sort label alphabetize alphabetise categorize categorise tag
            archive brainstorm compare investigate analyze analyse tidy reformat backup print tabulate track log
            measure weigh inventory catalog catalogue curate shortlist outline-plan bullet-journal declutter-digital
            color-code colour-code restructure rename structure highlight underline
            """);
        b.Verbs(Act.Polishing, """
            polish tweak perfect refine fine-tune finetune redo redesign restyle adjust fiddle tinker rework reword
            rephrase retouch prettify beautify nitpick obsess fuss
            """);
        b.Verbs(Act.PassiveConnection, "endorse friend poke");
        b.Verbs(Act.Vague, "handle improve focus deal figure sort-out be become stay feel keep continue manage tackle address");
        b.Forms("be", "am is are was were been");
        b.Forms("deal", "dealt");
        b.Forms("keep", "kept");
        b.Forms("feel", "felt");
    }

    private static void AddNouns(Builder b)
    {
        b.Nouns(ObjKind.Media, """
            video tutorial talk documentary doc show movie film series episode podcast audiobook book ebook e-book
            article blog newsletter news stream livestream webinar masterclass course lecture lesson ted-talk
            ted channel vlog reel recap review summary chapter novel magazine paper thread documentary
            youtube netflix hulu playlist album song concert interview speech guide manual textbook
            study-with-me trailer content highlights minutes memoir biography essay post
            """);
        b.Nouns(ObjKind.Social, "post tweet photo pic picture reel story profile page update status selfie tiktok meme comment");
        b.Nouns(ObjKind.Goods, """
            clothes clothing shoe sneaker gear equipment outfit shirt legging jacket bag backpack watch tracker
            fitbit mat yoga-mat dumbbell kettlebell bike helmet easel brush paint canvas pen pencil notebook
            journal planner sticker hanger container organizer bin box shelf furniture desk chair lamp monitor
            keyboard mouse laptop phone tablet ipad camera lens microphone mic guitar piano synth synthesizer pedal
            amp headphone earbud speaker gadget tool supply supplies yarn fabric flashcard textbook book frame
            decor plant candle mug bottle cookbook workbook deck kit set bundle gift ticket item stuff vitamin
            supplement protein powder blender instant-pot printer ink cartridge cable charger case skin
            """);
        b.Nouns(ObjKind.Software, "app application software template plugin plug-in extension font theme preset program tool game pdf ebook spreadsheet-template");
        b.Nouns(ObjKind.PlanArtifact, """
            plan list to-do todo schedule spreadsheet template system folder board vision-board moodboard mood-board
            checklist tracker dashboard notion outline roadmap timeline agenda calendar-system goal goals intention
            resolution priority reminder bookmark note notes mind-map mindmap strategy framework budget-template
            workflow routine habit-tracker kanban trello bullet-journal wishlist wish-list playlist
            """);
        b.Nouns(ObjKind.Goal, "goal intention resolution priority objective target");
        b.Nouns(ObjKind.Event, """
            party night dinner meetup meet-up event gathering reunion potluck picnic drive fundraiser workshop
            cleanup clean-up brunch date trip outing session hangout barbecue bbq game-night movie-night retreat
            conference summit mixer open-mic mic gig concert show recital festival fair hackathon tournament
            race marathon 5k 10k triathlon competition contest jam showcase exhibition reading launch
            book-club club walk run ride playdate sleepover celebration vigil rally march town-hall
            """);
        b.Nouns(ObjKind.Venue, """
            conference summit mixer open-mic gig concert show recital festival fair hackathon meetup meet-up
            networking convention expo night market church choir competition contest showcase exhibition
            gallery library seminar class reading audition tournament
            """);
        b.Nouns(ObjKind.Group, "group club team choir band league circle crew committee board society guild association network community chapter");
        b.Nouns(ObjKind.Money, "money cash savings saving fund ira roth 401k hsa dollar buck paycheck payment deposit contribution debt loan card bill rent");
        b.Nouns(ObjKind.Investment, "share stock etf bond index-fund mutual-fund treasury t-bill cd bitcoin crypto");
        b.Nouns(ObjKind.Registration, "ticket tickets registration entry pass bib spot seat slot membership admission");
        b.Nouns(ObjKind.Subscription, "newsletter trial subscription mailing-list mailing waitlist wait-list feed account alert alerts notification");
        b.Nouns(ObjKind.Document, """
            form paperwork application fafsa tax taxes return receipt invoice claim timesheet expense report
            assignment homework hw worksheet permit license lease contract will waiver document doc file
            """);
        b.Nouns(ObjKind.Work, """
            portfolio manuscript draft resume cv ep demo essay story poem piece article op-ed oped proposal pitch
            deck slide slides script screenplay song track single album painting print linocut drawing sketch
            comic webcomic zine photo photos video code pr app website site prototype chapter paper thesis
            abstract cover-letter letter query submission headshot reel mixtape beat
            """);
        b.Nouns(ObjKind.Person, """
            mom mum dad mother father sister brother sibling aunt uncle cousin grandma grandpa grandmother
            grandfather nana gran wife husband partner boyfriend girlfriend spouse son daughter kid child friend
            buddy pal neighbor neighbour boss manager coworker colleague teammate mentor mentee coach teacher
            professor prof tutor advisor adviser counselor therapist doctor dr dentist landlord recruiter
            hiring-manager founder ceo vp director author editor agent publisher client customer lead investor
            classmate roommate family parents folks team alum alumni peer stranger someone everyone people
            member members host organizer pastor rabbi priest senator rep representative councilmember
            """);
        b.Nouns(ObjKind.Course, "course class lesson workshop bootcamp masterclass program seminar lecture");
        b.Nouns(ObjKind.Exam, "exam test quiz midterm final boards bar sat gre gmat lsat mcat certification interview audition");
        b.Nouns(ObjKind.Food, "dinner lunch breakfast meal meals food groceries grocery dish recipe soup bread cake pie casserole snack");
        b.Nouns(ObjKind.Meal, "coffee lunch dinner breakfast brunch drink drinks beer tea call chat conversation talk meeting zoom facetime walk");
        b.Nouns(ObjKind.Game, "game videogame video-game games");
        b.Nouns(ObjKind.Platform, """
            linkedin instagram insta ig twitter x facebook fb tiktok youtube reddit discord slack substack medium
            pinterest etsy amazon netflix hulu spotify website site forum subreddit whatsapp telegram threads
            bluesky mastodon
            """);
        b.Nouns(ObjKind.PracticePlace, """
            gym pool track studio dojo practice rehearsal class yoga pilates crossfit spin barre workout training
            session court field rink range lesson park trail
            """);
        b.Nouns(ObjKind.Possessions, """
            notes file files desk closet bookmark bookmarks stash photos photo inbox email emails drive folder
            folders cable cables drawer shelf shelves bookshelf pantry fridge desktop downloads playlist playlists
            spreadsheet notebook notebooks wardrobe papers paper supplies yarn fabric craft tools apps tabs
            recipes books music library collection clothes receipts documents
            """);
        b.Nouns(ObjKind.Response, """
            feedback signature donation pledge quote estimate testimonial reference recommendation referral rsvp
            answer intro introduction advice opinion review vote volunteer sponsor input critique blurb
            """);
        b.Nouns(ObjKind.Exercise, "pushup push-up situp sit-up pullup pull-up squat lunge burpee plank rep set lap mile yoga workout");
        b.Nouns(ObjKind.Appointment, "appointment appt checkup check-up physical exam cleaning consultation consult session haircut visit therapy");
        b.Nouns(ObjKind.Store, "store mall shop supermarket market target costco ikea outlet");
        b.Nouns(ObjKind.Deadline, "deadline due-date date milestone");
        b.Nouns(ObjKind.Chore, "laundry dishes trash garbage recycling lawn grass gutter gutters bathroom kitchen garage floor floors car bed");
        b.Nouns(ObjKind.Info, "data info information numbers stats analytics metrics email emails inbox messages notifications dms news feed");

        // Nouns that head a to-do on their own ("gym 30 min", "mtg w/ Sam re: budget").
        b.Nouns(ObjKind.None, "gym workout run jog swim hike yoga pilates practice rehearsal lesson training", Act.Practice);
        b.Nouns(ObjKind.None, "meeting mtg appt appointment interview call coffee lunch 1:1 one-on-one sync standup checkup", Act.Commitment);

        // Seeing a professional, written as just the professional: "dentist 9am", "haircut sat", "vet thurs".
        b.Nouns(ObjKind.None, "dentist doctor physio physiotherapist chiro chiropractor dermatologist optometrist orthodontist vet haircut therapy massage", Act.Commitment);

        // Plans with other people and stage dates, written as just the event: "date night w/ jess", "gig at joe's fri".
        b.Nouns(ObjKind.None, "date date-night dinner brunch drinks hangout playdate party reunion potluck class", Act.Commitment);
        b.Nouns(ObjKind.None, "gig recital open-mic performance presentation audition", Act.Exposure);
        b.Nouns(ObjKind.None, "taxes stuff things errands admin chores", Act.Vague);
    }

    private static void AddFunctionWords(Builder b)
    {
        b.Words(WordClass.Determiner, """
            a an the this that these those my your his her its our their some any each every all another
            no several many few more most much both either neither which what whose whichever
            """);
        b.Words(WordClass.Possessive, "my your his her its our their");
        b.Words(WordClass.Preposition, """
            to for with w about on at in into onto by from of off over under through thru via per re regarding
            before after until til till during within without w/o toward towards around near like vs versus
            than as between among against across behind beyond upon since
            """);
        b.Words(WordClass.Conjunction, "and then plus but or so also nor while because");
        b.Words(WordClass.Pronoun, """
            i me myself you yourself he him himself she her herself it itself we us ourselves they them themselves
            i'm im i'll ill i've ive i'd id we're we'll you're they're it's one ones someone somebody something
            everyone everybody everything anything anyone nothing
            """);
        b.Words(WordClass.Reflexive, "myself yourself ourselves");
        b.Words(WordClass.Relative, "that which who whom where when whose i've i'd");
        b.Words(WordClass.Filler, """
            i i'll ill we we'll let's lets pls please just finally quickly quick actually really also need needs
            gotta must will shall todo to-do asap urgent reminder remember important mandatory definitely cold
            go-ahead ok okay then first next still today tonight tomorrow tmrw tmr tmw 2moro
            """);
        b.Words(WordClass.IntentionCue, """
            try want wanna hope maybe someday eventually hopefully wish might perhaps possibly consider plan
            intend aim gonna ideally probably should would could
            """);
        b.Words(WordClass.Negation, "no not never don't dont without w/o stop quit avoid");
        b.Words(WordClass.NoFollowUp, "no without w/o never");
        b.Words(WordClass.PolishCue, """
            again fancier prettier nicer cooler sleeker slicker shinier perfect perfectly wording font fonts
            typo typos formatting spacing margins color-scheme palette tweaks redesign pixel pixels pretty neat neater neatly
            aesthetic aesthetically cute
            """);
        b.Words(WordClass.VagueCue, "stuff things something somehow more better");
        b.Words(WordClass.TimeWord, """
            today tonight tomorrow tmrw tmr tmw 2moro eod eow eom cob noon midnight morning afternoon evening
            weekend week month year later soon now asap daily weekly monthly yearly annually nightly
            """);
        b.Words(WordClass.Weekday, """
            monday mon tuesday tue tues wednesday wed weds thursday thu thur thurs friday fri saturday
            sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays
            """);
        b.Words(WordClass.WeakWeekday, "sat sun");
        b.Words(WordClass.DateLead, "this next every each in at");
        b.Words(WordClass.Month, """
            january jan february feb march mar april apr may june jun july jul august aug september sep sept
            october oct november nov december dec
            """);
        b.Words(WordClass.DeadlinePrep, "by before until til till due on deadline no-later-than");
        b.Words(WordClass.LabelNoun, """
            ch chap chapter week wk day lesson unit module level season part step room apt apartment suite no
            number version v ep episode grade year route exit gate row section act scene vol volume issue item
            task sprint phase lab problem pset ps hw homework quiz test exam round stage class session page pg
            p psalm verse track size form bus line floor block lot q question
            """);
        b.Words(WordClass.Quantifier, "set pair bunch couple lot few box pack piece handful bag bottle cup glass stack pile series");
        b.Words(WordClass.NotUnit, """
            more new extra other additional less fewer total each per minimum max min-more thing things stuff time
            way bit lot few some one ones of other others and or more-time
            """);
    }

    private static void AddNumbersAndUnits(Builder b)
    {
        string[] ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        for (var i = 0; i < ones.Length; i++)
        {
            b.Number(NumRole.Ones, i, ones[i]);
        }

        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (var i = 0; i < tens.Length; i++)
        {
            b.Number(NumRole.Tens, (i + 2) * 10, tens[i]);
        }

        b.Number(NumRole.Ones, 40, "fourty");
        b.Number(NumRole.Hundred, 100, "hundred");
        b.Number(NumRole.Thousand, 1000, "thousand grand");
        b.Number(NumRole.Million, 1_000_000, "million");
        b.Number(NumRole.Dozen, 12, "dozen");
        b.Number(NumRole.Couple, 2, "couple pair");
        b.Number(NumRole.Half, 0.5, "half");
        b.Number(NumRole.Article, 1, "a an");

        b.Unit("minutes", UnitKind.Duration, "minute minutes min mins m mn");
        b.Unit("hours", UnitKind.Duration, "hour hours hr hrs h hour-long");
        b.Unit("seconds", UnitKind.Duration, "second seconds sec secs");
        b.Unit("days", UnitKind.Count, "day days");
        b.Unit("weeks", UnitKind.Count, "week weeks wk wks");
        b.Unit("months", UnitKind.Count, "month months mo mos");
        b.Unit("km", UnitKind.Distance, "km kms kilometer kilometers kilometre kilometres k");
        b.Unit("miles", UnitKind.Distance, "mile miles mi");
        b.Unit("meters", UnitKind.Distance, "meter meters metre metres");
        b.Unit("pages", UnitKind.Count, "page pages pg pgs pp");
        b.Unit("words", UnitKind.Count, "word words wds");
        b.Unit("usd", UnitKind.Count, "dollar dollars bucks usd");
        b.Unit("eur", UnitKind.Count, "euro euros eur");
        b.Unit("percent", UnitKind.Count, "percent pct");
        b.Unit("pounds", UnitKind.Count, "lb lbs pound pounds");
        b.Unit("kg", UnitKind.Count, "kg kgs kilo kilos kilogram kilograms");
        b.Unit("reps", UnitKind.Count, "rep reps");
        b.Unit("sets", UnitKind.Count, "set sets");
        b.Unit("laps", UnitKind.Count, "lap laps");
        b.Unit("steps", UnitKind.Count, "step steps");
        b.Unit("songs", UnitKind.Count, "song songs original originals tune tunes");
        b.Unit("times", UnitKind.Count, "times x");
        b.Unit("people", UnitKind.Count, "people ppl persons person");
        b.Unit("pushups", UnitKind.Count, "pushup pushups push-up push-ups");
        b.Unit("situps", UnitKind.Count, "situp situps sit-up sit-ups");
        b.Unit("pullups", UnitKind.Count, "pullup pullups pull-up pull-ups");
        b.Unit("chapters", UnitKind.Count, "chapters chs chaps");
        b.Unit("poems", UnitKind.Count, "poem poems");
        b.Unit("sketches", UnitKind.Count, "sketch sketches");
        b.Unit("emails", UnitKind.Count, "email emails e-mail e-mails");
        b.Unit("dms", UnitKind.Count, "dm dms");

        // abbreviations people type for counted things: "1 podcast ep", "3 apts", "2 mtgs", "500 cals"
        b.Unit("episodes", UnitKind.Count, "ep eps episode episodes");
        b.Unit("videos", UnitKind.Count, "vid vids video videos");
        b.Unit("apartments", UnitKind.Count, "apt apts apartment apartments");
        b.Unit("appointments", UnitKind.Count, "appt appts appointment appointments");
        b.Unit("meetings", UnitKind.Count, "mtg mtgs meeting meetings");
        b.Unit("conversations", UnitKind.Count, "convo convos conversation conversations");
        b.Unit("calories", UnitKind.Count, "cal cals kcal calorie calories");
        b.Unit("years", UnitKind.Count, "yr yrs year years");
        b.Unit("ounces", UnitKind.Count, "oz ounce ounces");
        b.Unit("questions", UnitKind.Count, "qs question questions");
    }
}
