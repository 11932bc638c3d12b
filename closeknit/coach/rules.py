"""The cheap first pass: patterns over each sentence, from the labelling guide.

Each pattern is a yes/no feature of a sentence. The patterns decide alone
where the guide is plain (a sentence with no "but" cannot be a dismissive
"but"; a sentence with no "?" and no invitation is no question), and they are
also inputs to the small learned heads, which weigh them against the meaning
of the sentence where the guide asks for judgement ("I hear you, but..."
counters; "I wanted to call but my meeting ran over" does not).

All patterns read the clean copy of the text (straight quotes, no HTML).
"""

import re

import numpy as np

_I = re.IGNORECASE
YOU = r"(?:you|u|ya|your|ur|you're|youre|you've|you'd|you'll|yourself)"


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(parts), _I)


# --- dismissive "but" -------------------------------------------------------

# A "but" that discounts nothing: "nothing but love", "not only kind but brave".
NOT_CONTRAST = _rx(
    r"\b(?:nothing|anything|all|everything) but\b",
    r"\bnot (?:only|just)\b[^.!?]*\bbut\b",
    r"\bbut also\b",
    r"\blast but not least\b",
    r"\bbut for\b",
)
CONTRAST = _rx(
    r"\bbut\b",
    r"\bhowever\b(?! (?:you|long|much|many|hard|you'd|it|we|they)\b)",
    r"\bthough\b",
    r"\bthat said\b",
    r"^(?:\W*)(?:still|even so|then again|yet)\b",
    r"\balthough\b",
    r"\bhaving said that\b",
)
FEATURES: dict[str, re.Pattern[str]] = {
    "but_after_ack": _rx(
        r"\b(?:i hear you|i get (?:it|that|why|you)|i know|i understand|i see|i'm sorry|sorry"
        r"|i'm glad|i'm happy|fair(?: enough| point)?|that's (?:fair|great|nice|sweet|true|good"
        r"|cute|cool|amazing|lovely|awesome)|true|sure|okay|ok|right|nice|great|cool|cute"
        r"|wow|congrats|good)\b[^.!?]{0,60}\b(?:but|however|though|that said|still)\b"
    ),
    "yeah_but": _rx(r"\b(?:yeah|yes|yea|ya|ok|okay|sure|well|i mean|right|mm+|hmm+),? but\b"),
    "sorry_but": _rx(r"\bsorry\b[^.!?]{0,25}\bbut\b"),
    "but_then_partner": _rx(
        rf"\b(?:but|however|though|that said|still),? (?:{YOU}|it's|it was|it is|that's|that"
        r"|this|they|he|she|it|honestly|to be fair|let's be real|come on|at some point|at least"
        r"|there|nobody|everyone|no one|we can't|you can't)\b"
    ),
    "but_then_writer": _rx(r"\bbut (?:i|i'm|i'll|i've|i'd|my|we|we're|we'll|we've|our)\b"),
    "but_then_warm": _rx(
        r"\bbut,? (?:i|i'm|i am|we|we're|we'll|we've|we got|i've|i'll|i still|i can|honestly i"
        r"|that's my|it's my|it was my)\b[^.!?]{0,40}\b(?:proud|love|glad|excited|brave"
        r"|here for you|together|happy|amazing|worth it|got through|so good|grateful"
        r"|not going anywhere|get how|get why|can see|hear you|my fault|my problem|my stuff"
        r"|no excuse|should have|should've|was wrong|on me|sorry)\b",
        r"\bbut (?:so |also |really |mostly |very )?(?:excited|proud|happy|glad|grateful|brave"
        r"|beautiful|worth it|hopeful)\b",
    ),
    "though_at_end": _rx(r"\bthough\W*$", r"\bthough\?"),
    "contrast_first": _rx(r"^\W*(?:but|however|though|still|that said|even so|yet)\b"),
    "writer_starts": _rx(r"^\W*(?:i|i'm|i've|i'd|i'll|we|my|me)\b"),
    # --- second person --------------------------------------------------------
    "you_always": _rx(
        rf"\b{YOU} (?:just |really |still |literally |honestly )?(?:always|never|constantly|keep"
        r"|kept|continually)\b",
        r"\bevery (?:single )?(?:time|week|day|night)\b|\balways my fault\b",
        r"\bwhy (?:do|did|are|would|can't|won't|must) you (?:always|never|keep|even|have to)\b",
        r"\byou do this\b|\byou always do\b|\bagain\?",
    ),
    "you_label": _rx(
        r"\b(?:you're|youre|you are|you were|ur|you've been|you sound|you seem|you act|you get"
        r"|you can be|you're being|you are being|you were being|you're getting|you're just"
        r"|you tend to)\b[^.!?]{0,15}\b(?:overreact\w*|too \w+|so \w+ about|dramatic|ridiculous"
        r"|selfish|lazy|rude|wrong|crazy|paranoid|annoying|impossible|overthink\w*|exaggerat\w*"
        r"|petty|mean|unfair|difficult|childish|stubborn|sensitive|ungrateful|naive|bad at"
        r"|hysterical|defensive|a lot|spiral\w*|obsess\w*|jealous|controlling|needy|clingy"
        r"|irrational|sulking|moody|snappy|negative|territorial|paranoid|a mess|soft|lucky"
        r"|looking for a fight|making (?:it|this|everything)|blowing|always like this"
        r"|being silly|being weird|weird|the problem|just tired|just hungry|hormonal|harsh|blunt"
        r"|behind|catastroph\w*|spoiled|entitled|the victim|a baby|a princess|such a \w+)\b"
    ),
    "you_make_me": _rx(
        r"\byou (?:make|made|making|force|forced|drive|drove) me\b",
        r"\bbecause of you\b|\bthat's on you\b|\byour (?:own )?fault\b|\bthanks to you\b",
        r"\byou (?:made|make) (?:us|me|it|everything|this)\b",
        r"\byou did this\b|\byou brought (?:this|it) on\b|\byou ruined\b|\byou started\b",
    ),
    "you_should_have": _rx(
        r"\byou (?:should|could|shouldn't|could've|should've|would've|might)(?:'ve| have|n't have)"
        r"\b",
        r"\byou should've\b|\byou could've\b",
    ),
    "you_accuse": _rx(
        r"\byou (?:knew|said|told me|didn't|did not|forgot|promised|agreed|chose|decided|signed up"
        r"|wanted|asked for|never told|didn't tell|don't listen|don't care|don't even|weren't"
        r"|left|let|ignored|missed|spent|ordered|took|went|broke|lied|owe)\b",
        r"\bwhy (?:did|didn't|do|don't|would|were|are|can't|won't|is it|does) you\b",
        r"\bwhat (?:did|do) you expect\b|\bwhat's (?:wrong|your problem) with you\b",
        r"\bwhat is wrong with you\b|\bwhat's your problem\b",
    ),
    "you_general": _rx(
        r"\byou (?:\w+ ){0,3}(?:at everything|about everything|over everything|all the time"
        r"|every (?:single )?time|too much|so much|only ever"
        r"|ever (?:do|listen|help|ask|notice))\b",
        r"\byou (?:only|just) (?:ever|care|think|want|see|hear)\b",
        r"\byou(?:'ve| have) (?:missed|forgotten|been (?:weird|off|distant|short|rude|cold|moody"
        r"|on your phone|so \w+ lately|kind of|a bit|really \w+ lately))\b",
        r"\byou were (?:a bit |kind of |so |being |really )?(?:short|rude|harsh|mean|late|wrong"
        r"|out of line|lucky|asking for|warned|told)\b",
        r"\bstop (?:acting|being|making|complaining|whining|crying|taking|playing|pretending)\b",
        r"\btook you long enough\b|\ba you (?:thing|problem)\b|\bwhat did you (?:want|expect)\b",
        r"\b(?:can't|cannot|couldn't) you (?:just )?\w+|\bdon't you think you(?:'re| are)\b",
        r"\b(?:maybe )?if you (?:hadn't|had just|had only|didn't|would just|would only|just"
        r"|actually|stopped|weren't|listened)\b",
        r"\byou(?:'d| would) (?:hate|never|just|only)\b|\byou (?:do|did) this\b",
        r"\byou(?:'re| are) (?:way behind|literally|clearly|obviously|honestly|kind of|a bit|being"
        r"|such a|so|too|the one who|the reason|acting|making)\b",
    ),
    "you_start": _rx(rf"^\W*{YOU}\b"),
    "you_supportive": _rx(
        r"\byou (?:worked|deserve|deserved|earned|nailed|handled|survived|did (?:nothing wrong"
        r"|so well|amazing|it|great|everything|good|the right)|must (?:be|have been|feel)"
        r"|got this|made it|were (?:brave|right|amazing|so|incredible)|matter|mean|look|did all"
        r"|are (?:right|amazing|brave|not alone|allowed|enough|so|doing|loved|the best|strong"
        r"|incredible|not (?:a|the|being|overreacting|crazy|alone|wrong|failing|behind))"
        r"|'re (?:right|amazing|brave|not alone|allowed|enough|so (?!\w+ about)|doing|loved"
        r"|the best|strong|incredible|not (?:a|the|being|overreacting|crazy|alone|wrong"
        r"|failing|behind))|can do|put in|showed|stayed|kept going|tried|were there"
        r"|have every right|had every right|don't have to|shouldn't have to|didn't deserve"
        r"|never deserved|'ve been (?:through|carrying|so)|should be (?:proud|so proud))\b",
        r"\b(?:love|miss|believe in|trust|adore|admire|am proud of|'m proud of|proud of|thank)"
        r" you\b",
        r"\bhow (?:are|did|do|was|were) you\b|\bwhat do you\b",
    ),
    # --- questions ------------------------------------------------------------
    "question_mark": _rx(r"\?"),
    "wh_start": _rx(
        r"^\W*(?:(?:so|and|but|oh|okay|ok|wait|hey|love|babe|hon|honey|like|then|well)[\s,]+)?"
        r"(?:what|how|which|why|where|when|who|whose)\b"
    ),
    "open_phrase": _rx(
        r"\bwhat (?:was|is|were|'s) (?:that|it|this) like\b",
        r"\bhow (?:are|did|do|does|was|were|is|'s|have|has) (?:you|it|that|this|things|everything"
        r"|the)\b[^?]{0,30}\b(?:feel|feeling|felt|going|doing|holding|go|went|land|sit|been)\b",
        r"\bhow are you\b|\bhow're you\b|\bhow you (?:feeling|doing|holding)\b",
        r"\bwhat (?:happened|part|bit|made|makes|was the|is the|worries|worried|scares|scared"
        r"|hurt|hurts|stung|stings|do you (?:think|need|feel|mean|want|miss|wish|remember|love"
        r"|like|imagine)|did (?:you|it|he|she|they) (?:feel|say|think|mean|do)|would help"
        r"|would you|are you (?:most|feeling|thinking|hoping|worried|scared|looking)"
        r"|was going through|went through|'s going on|is going on|'s on your mind|else)\b",
        r"\btell me (?:more|everything|about|what|how|all)\b|\bi want to (?:hear|know)\b",
        r"\bi'd love to (?:hear|know)\b|\btalk to me\b|\bsay more\b|\bwalk me through\b",
        r"\b(?:do you|would you|wanna|want to) (?:want to )?(?:talk|tell me|share|vent|say more"
        r"|walk me)\b",
        r"\bcan you tell me\b|\bhow come\b|\bwhat's (?:it|that|the hardest|the worst|the best)\b",
        r"\bwhich (?:part|bit|moment)\b",
    ),
    "fact_question": _rx(
        r"\b(?:what time|how long|how much|how many|how old|how far|what day|which day"
        r"|when (?:is|was|are|do|does|did|will)|where (?:is|was|are|did|do|will))\b",
        r"\bwho (?:was|is|did|else)\b|\bwhat (?:did|does) (?:it|the \w+) cost\b",
    ),
    "aux_start": _rx(
        r"^\W*(?:(?:so|and|but|oh|okay|ok|wait|hey|love|babe|hon|honey|well)[\s,]+)?"
        r"(?:do|does|did|are|is|was|were|have|has|had|can|could|would|will|should|shall|may"
        r"|might|want|wanna|need|isn't|aren't|didn't|don't|won't|wouldn't|shouldn't|can't"
        r"|couldn't|you okay|you ok|u ok|you alright|any)\b"
    ),
    "proposal": _rx(
        r"\b(?:want me to|do you want me to|shall (?:i|we)|should (?:i|we)|how about|what about"
        r"|why don't (?:we|i)|can i|could i|may i|let me|would it help|want to (?:grab|go|get"
        r"|do|come|order|watch)|should we|can we|could we|wanna (?:go|get|grab|do|come))\b"
    ),
    "hostile_question": _rx(
        r"\bwhy (?:would|do|did|are|can't|won't|couldn't|is it|does it|must|didn't|don't)"
        r" (?:you|u) (?:even|always|never|keep|have to|just|still)\b",
        r"\bwhat(?: is|'s) (?:wrong|the matter) with (?:you|u)\b",
        r"\bare (?:you|u) (?:serious|kidding|joking|for real|crazy|insane|done|listening|happy)\b",
        r"\bwhat (?:did|do) (?:you|u) expect\b|\bwhat (?:was|am) i (?:supposed|meant) to\b",
        r"\bwho cares\b|\bhow (?:could|can|dare) (?:you|u)\b|\bseriously\?",
        r"\bwhat's the big deal\b|\bwhat do you want (?:me to|from)\b|\bhow hard is it\b",
        r"\bwhat's your problem\b|\bwho does that\b|\bwhy is (?:it|this) (?:always|such)\b",
        r"\bwhat (?:else )?(?:did|do) you think would happen\b|\bisn't (?:it|that) obvious\b",
        r"\bwhy (?:are|were) (?:you|u) (?:so|even|being|always|looking|still)\b",
        r"\bwhy (?:do|does|did) (?:it|this|that) (?:matter|have to)\b",
        r"\bwhy (?:didn't|did|would|wouldn't|couldn't|can't|won't) (?:you|u)\b(?=[^?]*\?)",
        r"\bare (?:you|u) really (?:that|so)\b",
    ),
    "invitation": _rx(
        r"\btell me (?:more|everything|about|all|what|how)\b|\bi want to hear\b"
        r"|\bi'd love to hear\b|\btalk to me\b|\bi'm listening\b|\bsay more\b"
        r"|\bwalk me through\b|\bi want to know (?:more|everything|how|what)\b"
    ),
    # --- advice -----------------------------------------------------------------
    "should": _rx(
        rf"\b{YOU} (?:should|shouldn't|ought to|need to|have to|must|gotta|got to|better"
        r"|could (?:try|just|always|maybe|ask|talk|call|tell|get|go))\b",
        r"\bi think you should\b|\byou might want to\b|\byou'd be better\b",
    ),
    "advice_phrase": _rx(
        r"\bwhy don't you\b|\bwhy not just\b|\bhave you (?:tried|thought about|considered|looked"
        r" into|asked|talked to)\b|\bdid you try\b|\bmaybe (?:try|you|just|get|talk|call|take"
        r"|ask|go|look|write|start|put|think|tell|don't|stop|see)\b|\bit (?:might|would|could)"
        r" help to\b|\bthe trick is\b|\bwhat you need (?:is|to)\b|\bhere's what\b|\bmy advice\b"
        r"|\bif i were you\b|\bnext time\b|\bmake sure\b|\bdon't forget to\b|\bconsider\b"
        r"|\bi'd (?:just|recommend|suggest)\b|\bi suggest\b|\btry (?:to|and|not|being|talking"
        r"|taking|going|getting|writing|asking|journal\w*|meditat\w*)\b|\bjust (?:ignore|tell"
        r"|ask|go|do|call|text|say|leave|quit|let|apply|accept|relax|focus|stop|try|get|talk"
        r"|breathe|sleep|move|be|drink|take|give|delete|enjoy|post|email|push|put|send)\b"
    ),
    "we_should": _rx(
        r"\b(?:maybe |perhaps )?we (?:should|could|need to|ought to|have to|can always)\b"
        r"|\bwhy don't we\b|\blet's just\b|\byou (?:can't|cannot) keep\b"
    ),
    "lets": _rx(r"\blet's (?!(?:talk|celebrate|not\b|see\b|just sit|hug|cuddle))\w+"),
    "you_could": _rx(
        r"\b(?:maybe |perhaps )?(?:you could|you can (?:always|just|try|ask|go|visit|get|take|tell"
        r"|call|email|talk|request|say|do|use|bring|book))\b",
        r"\bcan (?:you|u) (?:just |not )?(?:ask|try|get|tell|talk|call|email|request|go)\b",
        r"\bi'd (?:feel better|rather|prefer) (?:if|that) you\b|\bbe careful\b|\bstay out\b",
        r"\bdon't (?:take|let|read|show|say|go|text|call|answer|reply|give|tell|bother|get"
        r"|engage|respond|post|check|look|buy|spend|drive|eat|drink)\b",
        r"\b(?:hide|throw|delete|block|unfollow|mute|report|quit|sell|cancel|return|dump)"
        r" (?:it|him|her|them|his|your|the)\b",
        r"\byou really (?:need|should|have|ought|must)\b",
    ),
    "just_do": _rx(
        r"^\W*(?:(?:honestly|ok|okay|so|babe|love|well),? )?just (?!(?:kidding|joking|saying"
        r"|checking|wanted|wondering|thinking|so|a|an|the|because|like|me|us|you|that|this|in"
        r"|heard|got|found|saw|read|remembered|realised|realized|know|knew)\b)[a-z]+"
    ),
    "imperative_start": _rx(
        r"^\W*(?:(?:so|and|honestly|okay|ok|well|babe|love|hon|seriously|just|maybe|then|now|ha"
        r"|ugh|lol|look)[\s,.]+)?(?!(?:call|tell|text|give|talk to|come|get|let) (?:me|us)\b)"
        r"(?:try|go|call|tell|ask|stop|take|get|talk|email|text|delete|ignore|give|put"
        r"|make|write|book|leave|quit|apply|focus|think|don't(?! you\b| worry)|sleep|drink|eat"
        r"|move|post|join"
        r"|update|read|watch|find|keep|forget|send|push|say|use|wear|set|start|sign|check|look"
        r"|learn|lower|accept|back off|pick|stick|be|buy|cut|drop|breathe|remember|report"
        r"|block|unfollow|mute|reply|respond|rest|let it|let go|hang in|chin up|deal|grow"
        r"|own it|man up|suck it|toughen)\b"
    ),
    "offer": _rx(
        r"\b(?:want me to|i can|i could|i'll|let me|shall i|should i|i'm happy to|i'd be happy to"
        r"|we can|we could|i'm going to|i'm coming)\b"
    ),
    # --- minimizing -------------------------------------------------------------
    "at_least": _rx(r"\bat least\b(?! (?:call|text|tell|let|send|ring|message|try|eat))"),
    "not_big_deal": _rx(
        r"\b(?:not|no|isn't|wasn't) (?:a |that |such a |that much of a |even a )?(?:big|huge) deal"
        r"\b|\bnot that (?:bad|serious|deep|important|big|hard|long)\b|\bno biggie\b"
        r"|\bit's (?:only|just) (?:a|one|some|the|money|work|a game|stuff)\b|\bjust a\b"
        r"|\bonly (?:a|one|two|a few)\b|\bnot the end of the world\b|\bit is what it is\b"
        r"|\bfirst world problem\b|\bworse things\b|\bit's (?:fine|nothing)\b|\bno big\b"
        r"|\bit's not that deep\b|\bit happens\b|\bhappens to (?:everyone|everybody|all of us"
        r"|the best)\b"
    ),
    "could_be_worse": _rx(
        r"\bcould(?:'ve| have)? (?:be|been) (?:a lot |much |way |so much )?worse\b",
        r"\bbright side\b|\blook on the\b|\bsilver lining\b|\beverything happens for a reason\b",
        r"\bbetter place\b|\bplenty (?:more|of other)\b|\bother fish\b",
    ),
    "dont_worry": _rx(
        r"\bdon't (?:worry|stress|be (?:sad|upset|like that)|cry|overthink"
        r"|panic|think (?:like|about it)|get (?:ahead|worked up)|take it)\b",
        r"\b(?:calm down|relax|chill|cheer up|lighten up|get over it|move on|let it go"
        r"|shake it off|toughen up|man up|suck it up|no need to|stop (?:worrying|crying"
        r"|stressing|being|overthinking))\b",
        r"\byou'll (?:get over|be fine|be okay|be ok|survive|live|forget|be alright|land|find)\b",
        r"\b(?:everyone|everybody|all of us|we all|lots of people|loads of people|most people"
        r"|plenty of people|people) (?:goes|go|goes through|went|feels|feel|has|have|does|do"
        r"|gets|get|deals|says|forgets|makes)\b",
        r"\bwon't matter\b|\bnobody (?:will )?(?:remember|notice|cares)\b",
    ),
    "explain_away": _rx(
        r"\b(?:probably|prob|likely|i'm sure it's|it's probably) (?:just|nothing|fine|won't|not"
        r"|jealous|tired|busy|stressed|processing|hormones|nerves|adrenaline)\b",
        r"\bit's (?:probably )?nothing\b|\b(?:it|that) (?:doesn't|does not|won't) (?:matter|mean)"
        r"\b|\bdoesn't mean\b|\bwon't (?:fix|change|help) anything\b",
        r"\bnothing (?:to worry|going on|wrong|to be)\b|\bno(?: ?one|body)(?:'s| is)? (?:going to"
        r"|gonna|thinking|cares|notices|noticed|will|even|remembers|would)\b",
        r"\b(?:they'll|she'll|he'll|people will|everyone will) (?:forget|get over|understand"
        r"|move on)\b|\bit'll (?:pass|be fine|be ok|be okay|blow over|sort itself|grow back"
        r"|come|happen|get better)\b",
        r"\bevery (?:couple|parent|kid|new|first|family|relationship|teacher|mum|mom|dad|baby"
        r"|one)\b",
        r"\b(?:it's|it was|that's|they're|it is) (?:only|just|hardly|simply) \w+|\bhardly\b"
        r"|\bbit of fun\b|\bbanter\b|\bjust a joke\b|\bcome on\b",
        r"\blet's not (?:panic|worry|get ahead|stress|overthink)\b|\bi wouldn't (?:worry|read"
        r" into|stress|think|take)\b|\bat some point you(?:'ll| will| have)\b",
        r"\bthere are (?:loads|plenty|lots|so many) (?:of|more)\b|\bdon't let (?:it|them|him|her"
        r"|that) get to you\b|\byou'll (?:be|feel) (?:fine|better|ok|okay|great)\b",
        r"\b(?:now's|look at it as|think of it as|see it as) (?:your|a) (?:chance|opportunity)\b",
        r"\bthat's (?:just )?(?:life|how it is|what happens|how it goes|normal)\b",
        r"\bit's not (?:a|that|the end|like)\b|\bnot a big\b|\bmore (?:important|serious)"
        r" things\b|\bget over\b|\bmove on\b|\bat least\b",
    ),
    "laughing": _rx(r"\b(?:lol|lmao|haha+|hehe|rofl)\b|\U0001f602|\U0001f923"),
    # --- validation -------------------------------------------------------------
    "validation": _rx(
        r"\b(?:that|it|this|which|all of that|both of those|that all) (?:totally |completely "
        r"|so |really |absolutely |honestly |perfectly |just |makes |make )*(?:makes|make) "
        r"(?:total |complete |so much |perfect |a lot of )?sense\b",
        r"\bmakes (?:total |complete |so much |perfect )?sense\b",
        r"\bof course you(?:'re| are| were| feel| felt|'d| would|'ve| have| still| want| did"
        r"| do| miss| keep)?\b",
        r"\bno wonder\b|\b(?:anyone|anybody|everyone|most people|who) would(?:n't|'ve)?\b",
        r"\bi'd (?:feel|be) (?:the same|exactly|just as|so|really|pretty|furious|upset|gutted"
        r"|devastated|angry|scared|hurt|sad|nervous|anxious|exhausted|heartbroken|livid"
        r"|terrified|crushed|fuming|shaken|rattled|wrecked|a mess)\b",
        r"\bi would (?:feel|be|have felt) (?:the same|exactly|so|just)\b",
        r"\b(?:your|that|this|the) (?:feeling|feelings|frustration|anger|reaction|fear|worry"
        r"|sadness|hurt|grief|anxiety|disappointment|panic|exhaustion|upset)s? (?:is|was|are"
        r"|were|makes) (?:so |totally |completely |entirely |absolutely )?(?:fair|valid"
        r"|understandable|normal|real|legit|justified|reasonable|natural|human|okay|ok)\b",
        r"\b(?:you have|you had|you've got) every (?:right|reason)\b",
        r"\bit's (?:okay|ok|normal|understandable|natural|fair|valid|allowed|human|alright)"
        r" (?:to|that you)\b",
        r"\b(?:totally|completely|so|very|perfectly|entirely) (?:understandable|valid|fair"
        r"|reasonable|justified|normal)\b|\bunderstandable\b",
        r"\bi (?:get|understand|see|can see|can understand|totally get|completely get) why\b",
        r"\bthat's (?:so |totally |completely )?(?:fair|valid|legit|reasonable|justified)\b",
        r"\byou're allowed to\b|\bit's not (?:silly|stupid|dumb|crazy|weird|wrong) to\b",
        r"\byou(?:'re| are) not (?:crazy|overreacting|being dramatic|being silly|silly"
        r"|dramatic|wrong|unreasonable|being unreasonable|too sensitive|being too)\b",
        r"\bwho wouldn't\b|\bi don't blame you\b|\bit makes sense (?:that|you)\b",
        r"\bof course (?:it|that) (?:hurt|hurts|stung|stings|matters|mattered|got to you)\b",
        r"\bright to (?:feel|be)\b|\bhow could you not\b|\bthat would (?:hurt|upset|sting|get"
        r" to|rattle|scare|frustrate) anyone\b",
        r"\bwould(?:'ve| have)? (?:\w+ ){1,2}(?:me|anyone|anybody|everyone|most people)"
        r"(?: too| as well| out| up)?\b",
        r"\b(?:you're|you are|you were) (?:totally |completely |so |absolutely )?"
        r"(?:right|not wrong)\b|\bfair (?:enough|point)\b",
        r"\b(?:completely|totally|so|absolutely|entirely|more than) (?:earned|warranted|legit|real"
        r"|allowed|deserved)\b",
        r"\bdon't (?:you dare )?feel (?:stupid|silly|bad|guilty|dumb|ashamed|embarrassed)\b",
        r"\b(?:that's|it's|that is|it is) not (?:stupid|silly|dramatic|weird|crazy|petty|dumb"
        r"|selfish|overreacting|too much|unreasonable)\b|\bnothing (?:wrong|silly|stupid) (?:with"
        r"|about)\b",
        r"\bit's (?:okay|ok|fine|alright|allowed) (?:if you|that you|to)\b",
        r"\bsuch a (?:real|valid|fair|normal|human|understandable|natural|reasonable) \w+",
        r"\bit's (?:true|not in your head|valid)\b|\bboth (?:can be|are) true\b"
        r"|\bwould wear anyone\b|\bso many (?:\w+ )?(?:people|mums|moms|parents|of us) feel\b",
        r"\bi understand (?:being|that|the|how|feeling)\b|\byour feelings? (?:is|are) valid\b",
    ),
    "ack_short": _rx(
        r"^\W*(?:(?:oh|ok|okay|yeah|sorry|love|babe|god)\W+)*i (?:totally |completely |really "
        r"|do |honestly )?(?:get it|understand|hear you|get that|get you|see that|understand now"
        r"|see it now|see it|hear that)\W*(?:love|babe|now|honestly|though)?\W*$",
    ),
    # --- warmth, understanding, exploring (the empathy mechanisms) -------------------
    "sorry": _rx(
        r"\b(?:i'm|i am|so|really|very|truly|deeply) sorry\b|\bsorry (?:to hear|you|that|about"
        r"|for your|for what|this|it)\b|\bmy condolences\b"
    ),
    "apology": _rx(
        r"\b(?:i'm|i am|so|really) sorry (?:i|i've|that i|for (?:being|not|what i|my|the way i"
        r"|snapping|laughing|missing|forgetting))\b|\bsorry,? i\b|\bmy bad\b|\bi apologi[sz]e\b"
        r"|\bi (?:should|shouldn't) have\b|\bi messed up\b|\bmy fault\b|\bthat was (?:unkind"
        r"|unfair|dismissive|wrong|out of line|a cheap shot) of me\b",
    ),
    "warmth": _rx(
        r"\bbreaks my heart\b|\bmy heart\b|\bi feel (?:for|so bad|awful|terrible)\b|\bhugs?\b"
        r"|\bsending (?:love|hugs|you)\b|\bhere for you\b|\bi'm here\b|\bi love you\b|\bi care\b"
        r"|\bthinking of you\b|<3|\u2764|\u2665|\U0001f917|\U0001f97a|\U0001f622|\U0001f62d"
        r"|\bthat sucks\b|\bthat's (?:awful|terrible|horrible|rough|so hard|hard|brutal"
        r"|heartbreaking|devastating|scary|shit|crap)\b|\boh no\b|\baw+\b|\bugh\b|\boh (?:love"
        r"|babe|honey|sweetheart)\b|\bi'm (?:so |really )?(?:proud|happy|glad|worried|sad"
        r"|thrilled|excited) (?:for|of|about|that)\b|\bthat must\b|\bpoor (?:you|thing|baby)\b"
        r"|\b(?:you're|you are) not alone\b|\bcongrat\w*\b|\bamazing\b|\bso happy\b"
        r"|\bi hope\b|\btake care\b|\bstay strong\b|\bgood luck\b|\bbest wishes\b"
    ),
    "understand": _rx(
        r"\bi (?:totally |completely |really )?(?:understand|get it|get that|know how you feel"
        r"|know what you mean|know the feeling|can imagine|feel you|hear you|can relate|relate"
        r"|know how (?:hard|much|that|it))\b"
    ),
    "sounds_like": _rx(
        r"\b(?:it|that|this) (?:sounds|seems|must (?:be|have been|feel)|looks) \w+",
        r"\bsounds (?:like|so|really|incredibly|awful|exhausting|hard|lonely|scary|painful"
        r"|frustrating|terrifying|overwhelming|stressful|rough)\b",
        r"\byou (?:must|probably|might) (?:feel|be|have been|have felt)\b|\byou (?:feel|felt)"
        r" like\b|\bi can (?:tell|see|hear|imagine) (?:you|how|that|why)\b",
        r"\b(?:feels|felt) like (?:you|nobody|no one|everyone|the)\b",
    ),
    "own_experience": _rx(
        r"\bi've (?:been|had|felt|gone|dealt|struggled|experienced|lost)\b"
        r"|\bi (?:went|go|was going) through\b|\bi (?:felt|feel|had) the same\b"
        r"|\b(?:same|this|that) (?:thing )?happened to me\b|\bi (?:remember|used to)\b"
        r"|\bwhen i was\b|\bme too\b|\bi've been there\b"
        r"|\bi (?:was|got) diagnosed\b|\bin my (?:experience|case)\b|\bfor me\b"
        r"|\bmy (?:own|mom|mum|dad|father|mother|brother|sister|friend|ex|wife|husband"
        r"|therapist|doctor)\b"
        r"|\bi (?:also|too) (?:have|had|feel|felt|struggle)\b|\bi know what it's like\b"
    ),
    "feeling_words": _rx(
        r"\b(?:feel|feeling|feelings|felt|scared|afraid|sad|angry|hurt|lonely|alone|anxious"
        r"|worried|stress\w*|overwhelm\w*|exhaust\w*|frustrat\w*|upset|depress\w*|heartbr\w*"
        r"|ashamed|guilty|embarrass\w*|humiliat\w*|invisible|unseen|terrif\w*|panic\w*|grief"
        r"|griev\w*|miss|devastat\w*|crushed|gutted|disappoint\w*|nervous|afraid|fear\w*"
        r"|rejected|abandoned|betrayed|jealous|insecure|numb|empty|hopeless|helpless|tired"
        r"|drained|proud|happy|excited|thrilled|relieved|joy)\b"
    ),
    "positive_words": _rx(
        r"\b(?:congrat\w*|amazing|incredible|awesome|fantastic|wonderful|brilliant|proud|so happy"
        r"|thrilled|yay+|woo+|hooray|well deserved|you did it|so good|so excited|can't wait"
        r"|celebrate|legend|huge|finally|best news|tell me everything|omg|wow|great news)\b"
        r"|!|\U0001f389|\U0001f973|\U0001f44f",
    ),
    "self_turn": _rx(
        r"\b(?:that reminds me|speaking of|me too|same here|i also|i got|i've got|i had|my own"
        r"|you know who|what about me|i did too|mine (?:was|is))\b"
    ),
    "destructive": _rx(
        r"\b(?:won't that|isn't that|doesn't that|but what about|are you sure|what if|don't get"
        r"|careful|be careful|hopefully it lasts|we'll see|about time|don't jinx|jinx|watch)\b"
    ),
    # --- second pass: patterns added after error analysis on the training files ---
    # Showing understanding by sharing one's own experience (forum replies do
    # this far more than couples do): interpretations at the strong level.
    "experience_share": _rx(
        r"\bi (?:went|'ve gone|have gone|was going|am going|'m going) through\b",
        r"\b(?:same|this|that|it|the same thing) (?:exact )?(?:thing )?happened to me\b",
        r"\bi've been (?:there|through|in (?:your|the same|a similar))\b",
        r"\bwhen (?:i|my) (?:was|had|lost|went|got|started|moved|first|tried|left|broke|split"
        r"|found|did|quit|finally)\b",
        r"\bi (?:had|have|felt|feel|did|do|went through) (?:the (?:exact )?same|something"
        r" (?:similar|like that)|this too|that too)\b",
        r"\bi know (?:exactly )?(?:how|what) (?:it|that|this) (?:feels|is like|was like)\b",
        r"\bi (?:also|too) (?:went|had|have|struggled|struggle|suffer|deal|lost|felt|used)\b",
        r"\bi (?:struggled|struggle|dealt|deal|suffered|suffer|lived|live|battled) with\b",
        r"\b(?:same (?:here|boat)|in the same boat|been there|me too)\b",
        r"\b(?:years|months|weeks) ago,? i\b|\blast (?:year|month|winter|summer|spring) i\b",
        r"\bi remember (?:when|feeling|how|being|the)\b|\bmy (?:own )?(?:experience|story)\b",
    ),
    # A second-person predicate that blames or generalises: "you + always/never",
    # "you make me", "you're being", "you did this", "you worry too much".
    "you_predicate": _rx(
        r"\byou(?:'re| are| were)? (?:always|never|constantly|forever|just being|being so)\b",
        r"\byou(?:'ve| have) (?:always|never)\b|\byou (?:did|do) (?:this|that) (?:every|again"
        r"|all)\b",
        r"\byou (?:\w+ ){1,4}(?:way too|far too|too) (?:much|seriously|personally|hard|far)\b",
        r"\byou (?:can't|cannot) (?:expect|keep|just|always|blame)\b",
        r"\byou(?:'re| are) (?:making|imagining|reading into|twisting|blowing)\b",
        r"\b(?:you tend to|you're the one who|it's always you|it's your own)\b",
        r"\byou (?:take|make|turn) (?:everything|it|this|things) (?:so |too )?(?:personally"
        r"|about you|into)\b",
    ),
    # A suggestion in modal or hedged form: "you might want to", "it might be
    # worth", "I'd recommend", "have you considered", "reach out to a therapist".
    "suggestion": _rx(
        r"\byou (?:might|may) (?:want|need|wish) to\b|\bit (?:might|may|could|would) (?:be"
        r" worth|help (?:to|if))\b",
        r"\bworth (?:trying|looking|asking|talking|checking|a try|a shot|considering)\b",
        r"\bi(?:'d| would) (?:recommend|suggest|advise|encourage)\b|\bi (?:recommend|suggest"
        r"|encourage you)\b",
        r"\b(?:reach out|talk|speak|go) to (?:a |your |some)?(?:therapist|counsel\w*|doctor|gp"
        r"|professional|someone|somebody|hr|manager|teacher|friend|lawyer)\b",
        r"\b(?:see|get|find|try) (?:a |some |professional )?(?:therapist|therapy|counsel\w*"
        r"|doctor|professional help|help)\b",
        r"\bwhat (?:helped|helps|worked|works) (?:for )?me\b|\bthe best thing (?:you can|to)"
        r" do\b",
        r"\bdon't be afraid to\b|\bremember to\b|\bmake (?:sure|time|a (?:list|plan))\b"
        r"|\bfocus on\b|\bstart (?:by|with)\b|\byou (?:need|have|ought|got) to\b",
    ),
    # Shrinking phrases the first list missed.
    "shrinking": _rx(
        r"\bdon't (?:take it|let (?:it|them|him|her|that|this))\b|\btry not to\b",
        r"\byou(?:'re| are) (?:overthinking|worrying too|reading too|making a|making it)\b",
        r"\b(?:stay|be|think) positive\b|\bgood vibes\b|\bcheer up\b|\bsmile\b",
        r"\b(?:it'll|it will|everything will|everything'll|things will) (?:all )?(?:be"
        r" (?:fine|okay|ok|alright)|work out|pass|blow over|sort itself)\b",
        r"\b(?:kids|people|dogs|cats|they|she|he) (?:bounce back|get over it|forget)\b",
        r"\bforget (?:about )?(?:it|him|her|them)\b|\bnot worth (?:it|getting|worrying"
        r"|stressing|crying|the)\b|\bno point (?:in )?\w+ing\b",
        r"\b(?:you're|you are|you were) (?:so )?lucky\b|\bbe grateful\b|\bcount your\b",
        r"\bjust (?:a|one) (?:\w+ )?(?:day|game|job|test|exam|thing|mistake|phase|bad day)\b",
        r"\bat the end of the day\b|\byou'll (?:laugh|look back)\b|\bin a (?:week|month"
        r"|year),? (?:you|no one|nobody)\b",
        r"\bthat's (?:just )?how (?:it|they|he|she|things|life) (?:is|are|goes|go|works)\b",
        r"\bnothing to (?:worry|be upset|cry|be ashamed|stress)\b|\bit's fine\b",
        r"\b(?:too|so) (?:much|hard) on yourself\b|\boverreact\w*\b|\bover it\b",
    ),
    # The form of a question: which way its last clause opens, and how it ends.
    "question_or": _rx(r"\bor\b[^.!?]*\?"),
    "question_tag": _rx(
        r"(?:,\s*(?:right|yeah|no|ok|okay|huh|yes)|\s(?:right|isn't it|aren't you|don't you"
        r"|didn't you|won't you|wasn't it|innit))\W*\?\W*$"
    ),
    "question_bare": _rx(r"^\W*(?:\w+\W+){0,2}\w+\W*\?\W*$"),
    "question_why": _rx(r"(?:^|[,;:]\s*)\W*(?:so |but |and )?why\b[^.!]*\?"),
    "question_clause_open": _rx(
        r"(?:^|[,;:-]\s*)\W*(?:and |so |but |or |oh |like )?(?:what|how)(?!\s+(?:time|long|much"
        r"|many|old|far|often|come)\b)\b[^.!]*\?"
    ),
    "question_clause_aux": _rx(
        r"(?:^|[,;:-]\s*)\W*(?:and |so |but |or |oh )?(?:do|does|did|are|is|was|were|have|has"
        r"|had|can|could|would|will|should|shall|may|might|want|wanna|any)\b[^.!]*\?"
    ),
    "question_declarative": _rx(
        rf"^\W*(?:so |and |oh |wait )?(?:{YOU}|it|that|this|they|he|she|we|the|u)\b[^.!]*\?"
    ),
    "second_person": _rx(rf"\b{YOU}\b"),
    "first_person": _rx(r"\b(?:i|i'm|i've|i'd|i'll|me|my|mine|myself)\b"),
    "exclaim": _rx(r"!"),
    # --- third pass (issue 15): buts that discount nothing, self-focus, good news ---
    # A "but" that praises the thing itself: "long but really good", "tired but happy".
    "but_then_praise": _rx(
        r"\bbut (?:it was |it's |still |so |really |totally |absolutely |very |pretty |such "
        r"|honestly |definitely |actually )*(?:good|great|fun|lovely|nice|beautiful|amazing"
        r"|worth it|worth every|delicious|gorgeous|brilliant|fantastic|happy|wonderful|mighty"
        r"|incredible|magical|perfect|cosy|cozy|sweet|funny|so much fun|made up for it)\b",
        r"\bbut (?:we|i) (?:still )?(?:had|loved|enjoyed|liked|had a) (?:fun|it|a great|a good"
        r"|a lovely|every)\b",
        r"\bbut i'd (?:do|book|go|buy) it again\b",
    ),
    # A "but" about the writer's own time, with talk promised for later:
    # "I'm sorry, but I have to go now, can we talk at nine?"
    "but_later": _rx(
        r"\bbut,? i(?:'ve| have)? (?:got to|have to|need to|gotta|must) (?:go|run|leave|dash|head"
        r"|hop|get back|jump|pick up|sleep|finish)\b",
        r"\bbut,? i(?:'m| am) (?:driving|at work|in a meeting|on the (?:train|bus|phone)|about to"
        r"|heading|on shift|on my way|on a call|at the|in the car|just (?:about|heading|leaving))"
        r"\b",
        r"\bbut,? (?:i|we)(?:'ll| will) (?:call|ring|talk|text) (?:you )?(?:later|tonight|soon"
        r"|after|when|as soon|the minute|in)\b",
        r"\bcan (?:we|i) (?:talk|call you|ring you|speak)(?: about (?:it|this))? (?:later|tonight"
        r"|tomorrow|at|after|when|in|at lunch|this evening)\b",
        r"\bbut i'm (?:on shift|working) (?:till|until)\b",
    ),
    # Turning the talk to the writer: one-upping, "that reminds me", "wait till you
    # hear about my day", "same happened to me" with no way back to them.
    "one_up": _rx(
        r"\b(?:that's nothing|try being|try having|welcome to my (?:life|week|world|day)"
        r"|you think that's bad|wait (?:till|until) you hear|enough about (?:that|this|you)"
        r"|you're not the only one|join the club|story of my life|lucky you|must be nice)\b",
        r"\b(?:mine|my (?:\w+ )?(?:day|week|boss|manager|mum|mom|dad|job|one)) (?:was|is|did"
        r"|does|has been)? ?(?:way |much |so much |even |far )?(?:worse|longer|harder|bigger"
        r"|better)\b",
        r"\bi(?:'m| am) (?:exhausted|tired|stressed|knackered|shattered) too\b",
        r"\b(?:that )?reminds me\b|\bspeaking of\b|\bby the way\b|\bbtw\b",
        r"\b(?:same|this|that|it) (?:exact )?(?:thing )?happened to me\b|\bhappened to me\b",
        r"\bi know exactly how you feel\b|\bi've been there\b|\bbeen there\b",
    ),
    # The writer's own story in the past tense: "when I lost my job I...".
    "own_story": _rx(
        r"\bwhen (?:i|my|we) (?:was|were|had|lost|went|got|started|moved|first|did|left|tried"
        r"|failed|bombed|changed|quit)\b",
        r"\b(?:i|my \w+) (?:had|did|went|got|used to|failed|bombed|ran|moved|lost|quit|dropped"
        r"|waited|forgot|cried|left)\b[^.!?]{0,60}\b(?:too|as well|once|last (?:year|week"
        r"|month|summer|winter)|years? ago|in (?:19|20)\d\d|at (?:uni|school|college))\b",
        r"\bi (?:just )?(?:got over it|moved on|never looked back|found something better"
        r"|survived|was fine)\b",
    ),
    # Leaving the good news for something else: "Cool. Anyway, what's for dinner?"
    "subject_change": _rx(
        r"\b(?:anyway|anyways|btw|by the way|oh and|also,|speaking of|that reminds me)\b",
        r"\b(?:did|have) you (?:remember to |ever )?(?:call|ring|pay|move|buy|book|email|send"
        r"|finish|get|pick up|hand|sort|check|see the|tell)\b",
        r"\bwhat(?:'s| is| are we having) for (?:dinner|tea|lunch)\b|\bwhat time are you\b",
    ),
    # Deflating good news: doubts, downsides, "hope it lasts", "told you".
    "deflate": _rx(
        r"\b(?:are you sure|won't that|won't it|isn't that|doesn't that|does that mean|is that"
        r" (?:really|even)|don't get (?:your hopes|too|cocky|used)|hope (?:it|that|you) (?:doesn't"
        r"|don't|lasts|isn't)|let's hope|we'll see|give it a|i'll believe it|told (?:you|u)"
        r"|about time|took you long enough|not that hard|it's not that|still a long way|wait"
        r" till you see|comes the hard part|the real (?:work|world)|don't celebrate|too early"
        r"|one \w+ isn't|only (?:a|one)|just the title|just exposure|is it (?:paid|worth)"
        r"|how much (?:does|did|will)|can you (?:even )?(?:afford|handle)|hope you didn't)\b",
    ),
}
NAMES = list(FEATURES)

# Good and bad news in what the partner shared (for active-constructive replies).
GOOD_NEWS = _rx(
    r"\b(?:got|get|getting) (?:the|a|my|into|in|an|offered|promoted|engaged|approved|accepted"
    r"|picked|chosen|through|funded|published|hired|the job|a raise|a promotion)\b",
    r"\b(?:passed|accepted|approved|promoted|engaged|pregnant|hired|won|nailed|aced|finished"
    r"|graduated|signed|sold|published|fixed|paid off|made up|finally|viral|booked|offered"
    r"|agreed|working|remembered|hugged|proud|asked me to|picked|chose|selected|shortlisted"
    r"|funded|scholarship|record|first time|best|amazing|wonderful|great news|good news|guess what"
    r"|yay|woo+|so happy|thrilled|excited|can't believe|laughed|perfectly|went well|went great"
    r"|all clear|clear|benign|negative|cancer-free|in remission|healed|recovered|better|raise"
    r"|bonus|new job|dream|yes|loved it|love it|made it|did it|without (?:a|my|stopping|notes)"
    r"|slept through|on the spot|for the first time)\b",
    r"!|\U0001f389|\U0001f973|\U0001f60a|\U0001f604|\U0001f601",
)
BAD_NEWS = _rx(
    r"\b(?:rejected|rejection|died|dead|death|lost|losing|can't|cannot|couldn't|pulled out|gone"
    r"|bust|never|didn't|worse|worst|pain|crying|cried|scared|afraid|worried|worry|hate|hurt"
    r"|sick|ill|cancer|diagnos\w*|fired|laid off|layoffs|redundan\w*|fail\w*|broke|broken"
    r"|angry|upset|sad|lonely|alone|anxious|anxiety|panic|stress\w*|exhausted|tired|overwhelm\w*"
    r"|argu\w*|fight|fought|critic\w*|ignored|forgot|promised|no one|nobody|nothing|miss|missed"
    r"|dreading|dread|awful|terrible|horrible|bad|wrong|problem|struggl\w*|surgery|operation"
    r"|hospital|funeral|cancel\w*|rent|debt|bill|owe|can't sleep|insomnia|embarrass\w*"
    r"|humiliat\w*|ashamed|guilty|jealous|flirting|smok\w*|drunk|late again|you always"
    r"|you never|you didn't|you were|you've been|you said)\b",
)


# Good news said not to have happened ("I didn't get the job", "we didn't win").
# Read by the good-news gate's decision only, never as a model feature.
NEGATED_NEWS = _rx(
    r"\b(?:didn't|did not|don't|won't|wasn't|weren't|haven't|hasn't|not|never|couldn't"
    r"|failed to)\s+(?:\w+\s+){0,2}?(?:get|got|pass|passed|make|made|win|won|land|hear back"
    r"|get in|getting)\b"
)


# Grave news: a death, a loss of a pregnancy, of work or of each other. The
# head alone reads "My grandma passed away" as news told in good words (0.67).
# Not illness: "the tumour has shrunk" and "my last chemo" are good news the
# head already reads well, and "I got diagnosed" it mostly reads right.
# A diagnosis: news the coach never calls good on its words alone ("It's MS").
DIAGNOSIS = re.compile(
    r"\b(?:MS|HIV|BRCA\d?)\b|\b(?i:diagnos\w*|cancer\w*|tumou?rs?|malignan\w*|metasta\w*"
    r"|chemo\w*|multiple sclerosis|parkinson's|dementia|alzheimer's|mutation|lymphoma"
    r"|leuka?emia|terminal|stroke)\b"
)
GRAVE_NEWS = _rx(
    r"\bpass(?:ed|ing) away\b|\b(?:died|dying|death|funeral|miscarr\w*|stillborn)\b",
    r"\b(?:laid off|fired|redundan\w*|divorc\w*|broke up|break ?up|relaps\w*|ICU)\b",
)
# Hurt said outright ("I got a B and I'm devastated", "that one stings"): news
# told in the words of good news ("got", "passed") that hurts. Read by the
# good-news gate only, like NEGATED_NEWS: on the training messages these words
# come with no message answered as good news, and with 21 that are not.
HURT_NEWS = _rx(
    r"\b(?:devastat\w*|gutted|gutting|heartbroken|crushed|disappoint\w*|stings?|hardest"
    r"|humiliat\w*|mortif\w*)\b"
)

# Passed over or robbed of their due ("My manager took credit for my report",
# "They gave it to Marcus"): news of someone else's gain, in words the head
# reads as good news (0.7). Read by the good-news gate only: on the training
# messages these words come with 14 that are not good news and none that is.
WRONGED_NEWS = _rx(
    r"\btook (?:the )?credit\b|\bstole my\b|\binstead of me\b|\bpassed over\b|\bgave it to\b"
    r"|\bthe (?:job|promotion|role|part|spot|place|position) i (?:wanted|applied for)\b"
)


# A hard time told in words the model's bad-news cues leave out. Read only to
# choose the coach's words ("That sounds really hard"), never as a feature.
_HARDSHIP = _rx(
    r"\b(?:yell\w*|shout\w*|scream\w*|snapped|tears|rough|brutal|tough|harsh|hard day"
    r"|in front of everyone|stuck|hurts?|ache|aching|grief|griev\w*|missing|heartbr\w*"
    r"|nervous|frustrat\w*|disappoint\w*|gutted|crushed|devastat\w*|depress\w*|insecure"
    r"|hopeless|helpless|numb|drained|miserable|unfair|useless|stupid|ugly)\b",
    # A setback: "My promotion got pushed back another six months".
    # (Not "My train's delayed": "That sounds really hard" would be too much.)
    r"\b(?:pushed (?:back|out)|postponed|fell through|turned (?:me )?down)\b",
    # Someone close turning away: "My sister hasn't spoken to me since the wedding".
    r"\b(?:hasn't|has not|won't|will not|isn't|is not|not|stopped) (?:spoken|speaking|talking"
    r"|talked|replying|replied) to me\b|\bignor(?:ing|ed|es) me\b|\bghost(?:ed|ing) me\b"
    r"|\bblocked me\b|\b(?:fell|falling) out\b",
    # A hard feeling said of themselves: "I've been feeling really low for weeks"
    # (not "How do you like to be comforted when you're sad?").
    r"\b(?:I'm|I am|im|I feel|I felt|I was|I've been|I have been|feeling)(?: feeling)?"
    r"(?: so| really| very| pretty| a bit| kind of| quite| super| just)* (?:low|down|sad"
    r"|anxious|worried|scared|afraid|lonely|exhausted|overwhelmed|struggling|stressed|upset"
    r"|awful|terrible|lost|empty|ashamed|embarrassed|humiliated|jealous|worthless|guilty)\b",
    WRONGED_NEWS.pattern,
)


# "I'm sorry I snapped at you": their apology, to be taken in rather than waved away.
_APOLOGY = _rx(
    r"^\W*(?:A:\s*)?(?:(?:hey|love|babe|ok|okay|look),? )*(?:I'm|I am|im)"
    r" (?:so |really |truly )?sorry"
    r"(?: (?:I|for|that I|about (?:last|this|earlier|what|how))\b|\W*$)",
    r"\bI (?:want to |wanted to )?apologi[sz]e\b",
)


def apologises(context: str) -> bool:
    """The partner's message is an apology (after the question it answers, if any).

    >>> apologises("I'm sorry I snapped at you last night.")
    True
    >>> apologises("I'm sorry, I'm so tired.")
    False
    >>> apologises("Q: Something you'd do differently? A: I'm so sorry about last weekend.")
    True
    """
    return bool(_APOLOGY.search(after_question(context)))


# "Thank you for doing the school runs", "I really appreciated you handling it".
_THANKS = _rx(
    r"\bthank(?:s| you)(?: so much| again)? for\b",
    r"\bI (?:really |so |just )?appreciate[ds]? (?:you|it when you|how you|that you|the way you"
    r"|what you)\b",
    r"\b(?:grateful|thankful) (?:for|that) you\b",
)
# A daily question about what the writer did ("What did I do this week that
# you loved?"): the answer praises the writer.
_ABOUT_WHAT_I_DID = _rx(
    r"\b(?:I did|I do|I've done|I said|I make|I made|from me|of mine|about me)\b"
)


def thanks_the_writer(context: str) -> bool:
    """The message thanks or praises the writer for something they did.

    >>> thanks_the_writer("I really appreciated you handling the school run all week.")
    True
    >>> thanks_the_writer("Q: What did I do this week that you loved? A: The tea in bed.")
    True
    >>> thanks_the_writer("Q: When do you feel closest to me? A: On long drives.")
    False
    """
    question = OPENING_QUESTION.match(context)
    if question and answers_a_warm_question(context):
        return bool(_ABOUT_WHAT_I_DID.search(question.group()))
    return bool(_THANKS.search(after_question(context)))


# Taking an apology in: thanks for it, or forgiveness.
_TAKES_APOLOGY = _rx(
    r"\bthank(?:s| you)\b",
    r"\b(?:that|it|this) means (?:a lot|so much|a great deal)\b",
    r"\bI (?:really )?appreciate (?:it|that|you|this|the apology)\b",
    r"\bI forgive you\b",
    r"\b(?:apology|apologies) accepted\b",
    r"\bI accept your apology\b",
    r"\b(?:I'm|I am|im) (?:really |so )?glad you (?:said|apologi[sz]ed|told me|came)\b",
)

# How it was for the writer, said plainly: "It did hurt", "I felt so small".
_HOW_IT_WAS = _rx(
    r"\b(?:it|that) (?:really |did |honestly |kind of |kinda |still )*"
    r"(?:hurt|hurts|stung|stings|did sting)\b",
    r"\bI (?:was|feel) (?:really |so |a bit |a little |pretty |quite |kind of |kinda )*"
    r"(?:hurt|upset|sad|small|embarrassed|humiliated|dismissed|ignored|alone|angry|shaken"
    r"|rattled|awful|forgotten)\b",
    r"\bI (?:felt|was feeling)\b",
    r"\bit (?:was|felt) (?:really |so |pretty |quite )*(?:hard|horrible|awful|upsetting"
    r"|painful|rough) (?:for me|to hear)\b",
)


def answer_to_apology(reply: str, context: str) -> str | None:
    """How a reply to the partner's apology takes it in, when it is clear.

    "told": it takes the apology in and says how it was for the writer, which
    is what lets an apology heal. "thanked": it takes it in. None otherwise,
    and to any message that is no apology. Waving it away ("Forget it") is the
    minimizing signal's business, not this.

    >>> answer_to_apology("Thank you. It really hurt.", "I'm sorry I snapped at you.")
    'told'
    >>> answer_to_apology("I appreciate that.", "I'm sorry I snapped at you.")
    'thanked'
    >>> answer_to_apology("Thanks!", "I got the job!") is None
    True
    """
    if not apologises(context) or not _TAKES_APOLOGY.search(reply):
        return None
    return "told" if _HOW_IT_WAS.search(reply) else "thanked"


def tells_of_hardship(context: str) -> bool:
    """The partner's message tells of something hard: a worry, a hurt, a loss.

    >>> tells_of_hardship("My boss yelled at me in front of everyone.")
    True
    >>> tells_of_hardship("That documentary about octopuses, I keep thinking about it.")
    False
    >>> tells_of_hardship("My sister hasn't spoken to me since the wedding.")
    True
    >>> tells_of_hardship("I've been feeling really low for weeks and I don't know why.")
    True
    >>> tells_of_hardship("I'm so excited, my sister is coming to visit!")
    False
    >>> tells_of_hardship("Sunday on the sofa, just talking about nothing.")
    False
    >>> tells_of_hardship("I had to put my horse down today. I've had her since I was eleven.")
    True
    >>> tells_of_hardship("The scan shows the tumour has shrunk by half.")
    False
    >>> tells_of_hardship("His speech had us in stitches, it cracked everyone up.")
    False
    """
    context = _NOT_HARD.sub(" ", context)
    question = OPENING_QUESTION.match(context)
    daily = question is not None and _DAILY.match(context)
    if question and daily and _HARD_ASKED.search(question.group()):
        return True  # "What's been weighing on you this week? A: That review."
    if answers_a_warm_question(context):
        # "Which compliment stayed with you? … Nobody had ever said that to me":
        # a word of bad news in a warm memory is no hard time; a plain one still is.
        return bool(GRAVE_NEWS.search(context) or _HARDSHIP.search(after_question(context)))
    if daily:
        # "What's a dream you've never told anyone?": the question's "never" tells of nothing.
        context = after_question(context)
    hard = news_features(context)[1] > 0 or GRAVE_NEWS.search(context)
    tears = _TEARS.search(context) and "!" not in context
    return bool(hard or tears or _HARDSHIP.search(context) or _HARD_TIMES.search(context))


# More of what a hard time is told with, beyond the model's bad-news words. Read
# from the corpus messages the coach took for light talk, where "Tell me more!"
# met "had to put my cat down" and "I got the results. It's MS." Wording only:
# never a signal, never a model feature.
_HARD_TIMES = _rx(
    # fear and falling apart
    r"\b(?:terrified|terrifying|frightened|frightening|panick?\w*|freak(?:s|ed|ing)? (?:me )?out"
    r"|petrified|assisted living"
    r"|dread\w*|rattled|on edge|spiral\w*|falling apart|fall apart|breaking down|broke down"
    r"|burn(?:t|ed) out|burnout|drowning|can't cope|cannot cope|can't keep up|at breaking point"
    r"|running on empty|wiped out|(?:I'm|im|so|brain is|brain's) fried|shattered|knackered)\b",
    r"\b(?:haven't|have not|hasn't|didn't|couldn't|can't) (?:slept|sleep)\b|\bno sleep\b"
    r"|\bhours of sleep\b|\bup all night\b|\bup (?:\w+ ){0,3}since\b|\bcoughing\b"
    r"|\b(?:was|were) supposed to\b|\bstopped (?:sharing|trying|talking|going|eating)\b"
    r"|\bbarely (?:holding|coping|sleep\w*"
    r"|slept|get out of bed|stand)\b",
    # how they feel about themselves
    r"\bfeel(?:ing)? (?:like )?(?:a |an |such a |so |really |completely |totally )*(?:fraud"
    r"|failure|weak|obsolete|invisible|isolated|replaced|left out|on the outside|behind"
    r"|worthless|useless|stupid|small|ugly|disgusting|broken|trapped|alone|unwanted"
    r"|unappreciated|unloved|forgotten|idiot|burden|lie|monster|ancient)\b",
    r"\b(?:isolated|unappreciated|unemployable|hating myself|hate myself|gave up|give up"
    r"|want(?:ed)? to (?:disappear|quit|give up|cry|scream)|stung|killing me|pounding"
    r"|abandon\w*|threw up|throw up|driving me (?:up the wall|mad|crazy)|comparing myself"
    r"|compare myself|from zero|haven't eaten|brought everything back|foggy|replaying"
    r"|too much|exhausting|talked myself out|not qualified|wasted|flare|no match"
    r"|running on (?:\w+ )?hours|(?:haven't|hasn't|still haven't) made a single friend"
    r"|hasn't (?:texted|called|replied)|(?:fertility|ivf|amh|brca\w*)|'too \w+')\b",
    # loss and grief
    r"\b(?:put (?:\w+ ){0,2}down|(?:wife|husband|mum|mom|dad|father|mother|grandma|grandad"
    r"|grandpa|nan|son|daughter|brother|sister|friend) (?:has |had )?passed|stillb\w+"
    r"|miscarr\w*|widow\w*|late (?:wife|husband|mum|mom|dad|father|mother)"
    r"|anniversary of (?:my|her|his|the)|first (?:christmas|birthday|mother's day"
    r"|father's day) without|so (?:quiet|empty)|feels (?:so )?empty|care home|hospice"
    r"|in a home)\b",
    # illness, unless it is getting better ("the tumour has shrunk by half")
    r"\b(?:migraine|headache|sore throat|fever|allergic|swollen|palpitations|chest pains?"
    r"|diabet\w*|biopsy|mammogram|found a lump|tumou?r|parkinson's|alzheimer's|dementia|crohn's"
    r"|colitis|endometriosis|ptsd|flashbacks?|nightmares?|root canal|wisdom teeth|(?<!in )stitches"
    r"|a&e|ambulance|injur\w*|sprain\w*|surgery|self-?harm\w*|suicid\w*|better off without me"
    r"|relaps\w*|drinking again|eating disorder|panic attack|it's ms|multiple sclerosis"
    r"|long covid|bfn|negative test)\b(?![^.!?]*\b(?:clear|benign|shrunk|remission|normal))",
    # hurt by others
    r"\b(?:cheated|cheating|affair|arrested|abus\w*|assault\w*|harass\w*|bull(?:y|ied|ying)"
    r"|mocked|mocks|made fun of|laughed at|joke about my|called me (?:a |an |')|aggressive"
    r"|abrasive|told off|tore (?:apart|my)|humiliat\w*|excluded|without me|wasn't invited"
    r"|not invited|left me out|walked out|disown\w*|(?:doesn't|don't) accept|refus\w*"
    r"|blindsided|betray\w*|lied to me|kept it from me|behind my back|second family)\b",
    # work, money and mishaps
    r"\b(?:unemployed|redundan\w*|laid off|let go|won't be renewed|not renewed|rejections?"
    r"|hours got cut|pay ?cut|overdraft|overdrawn|bills? due|can't afford|couldn't afford"
    r"|in debt|(?:I'm|im|we're|so|flat) broke|in arrears|evict\w*|scam\w*|parking (?:fine"
    r"|ticket)|fined|outsourc\w*|going under|ruined (?:it|the|my|everything|dinner)"
    r"|it's ruined|burn(?:t|ed) (?:the|it|dinner)|messed up|screwed up|bombed|froze|blanked"
    r"|made a mistake|flooded|cracked (?:my|the)|(?:screen|phone) cracked|stolen|broken into"
    r"|locked (?:myself )?out"
    r"|lost my (?:job|keys|wallet|phone|voice|place)|missed (?:my|the) (?:flight|train"
    r"|deadline)|(?:have|had) to work (?:this |on |all )?(?:saturday|sunday|the weekend"
    r"|weekend|late)|moved (?:the|my) deadline|deadline (?:got )?moved)\b",
    # a bond strained
    r"\b(?:fighting constantly|(?:keep )?picking fights|separate rooms|marriage is over|divorc\w*"
    r"|separat(?:ed|ing)|broke up|break-?up|dumped|ghosted|ghosting|pulling away"
    r"|drifting apart|don't recognise us|(?:doesn't|don't) want kids|called off"
    r"|won't (?:speak|talk) to me|barely (?:speaks|talks) to me|grunts)\b",
)
# Tears and "crying" are a hard time unless the message is glad ("He teared up!").
_TEARS = _rx(r"\b(?:cry|crying|cries|cried|sob(?:s|bed|bing)?|in tears)\b")


# Words of hard news in a happy phrase: "just talking about nothing", "couldn't
# stop laughing". Left out of the hardship check only, not of the model's features.
_NOT_HARD = _rx(
    r"\b(?:talking|chatting|laughing|talk|chat) about nothing\b",
    r"\bnothing (?:special|much|fancy|beats)\b",
    r"\b(?:can't|couldn't|could not|cannot) stop (?:smiling|laughing|grinning|giggling)\b",
    r"\bnot bad\b",
    r"\bnever want(?:ed)? (?:it|that|this|the \w+) to end\b",
)


# "I'm sorry you feel that way": sorry for their feeling, not for anything done.
_SORRY_FOR_FEELING = _rx(
    r"\bsorry (?:that |if )?you(?:'re| are| were| feel| felt| got| get| took it)"
    r"(?: so| that| this)? (?:that way|like that|this way|upset|offended|hurt|bad)\b",
    r"\bsorry if (?:you|that|it|I) (?:upset|offended|hurt|made you)\b",
)
# Hurt by the writer, said outright: "I'm upset that you told your mum" (a
# feeling about what they did, whatever the verb), "You were really short with me".
_HURT_BY_YOU = _rx(
    r"\b(?:upset|hurt|angry|annoyed|frustrated|sad|mad|disappointed) (?:that|because) you\b",
    r"\byou(?: were|'re| are|'ve been| have been) (?:really |so |a bit |quite |very |pretty )?"
    r"(?:short|rude|mean|cold|harsh|distant|snappy|dismissive|grumpy|off|sharp|curt|horrible)"
    r" (?:with|to|towards|at) me\b",
)
# Their message holds something the writer did ("You forgot", "when you left").
_ABOUT_THE_WRITER = _rx(
    _HURT_BY_YOU.pattern,
    # How the writer turns away: "when we're at dinner and you're scrolling",
    # "you change the subject", "I don't feel like a priority".
    r"\byou(?:'re| are)? (?:always |just |still )?(?:scrolling|on your phone|glaze over"
    r"|vanish|change the subject|changed the subject|thought it was funny)\b",
    r"\byour (?:\w+ ){1,2}(?:always |never )?(?:comes?|gets?|wins?) first\b",
    # Deeds in the irregular past ("You ate the leftovers I was saving"), and ways
    # of being with them ("You talk over me", "I'm starting to resent you").
    # (opening what they say: "the orchid you gave me" is a gift).
    r"(?:^|[.!?]\s+|\bI found out |\bthat |\bwhen |\bupset |,? and )you (?:just )?(?:ate|took|left"
    r"|let|forgot|told|made|went|spent|put|gave|brought"
    r"|broke|threw|sent|bought|kept|lost|missed|said|sold|lent|drank|hid|stood me up)\b",
    # "I feel like you sigh every time I ask", "i feel like ur always on ur phone"
    # (not "I feel like you'd love this film").
    r"\bI feel like (?:you|u|ur (?:always|never|only))\b"
    r"(?!'d| would| might| will| could| should| deserve)",
    r"\b(?:always|only) the one (?:who's |who is )?\w+ing\b",
    r"\byou (?:always |keep |just )?(?:talk over|interrupt|look at your phone|roll your eyes"
    r"|laugh at)\b|\bresent(?:ing)? you\b|\bnot attracted to me\b|\byou might have\b",
    r"\b(?:disconnected|distant) from you\b|\b(?:not|don't feel like) a priority\b"
    r"|\byour phone gets\b|\bcompeting with you\b|\bcompeting with your\b",
    r"\bwhen you\b|\byou (?:always|never|even)\b|\byou (?:just )?\w+ed\b|\byou keep \w+ing\b",
    # "I feel like you don't care", "you won't hold my hand": not "I hope you don't mind".
    r"\byou (?:don't|didn't|won't|wouldn't|haven't|can't|couldn't|do not|did not) (?!(?:know"
    r"|mind|have to|need to|worry|think|feel|want to|look|sound|seem|get to)\b)\w+",
)
# The shared load, said without a "you": "I feel like I do all the cleaning",
# "I'm tired of always being the one who plans", "Why do I always have to
# remind you", "I've asked you three times". At home the other one is the writer.
_CARRIES_IT = _rx(
    r"\bthe (?:only )?one (?:who|that) (?:ever |always |has to |gets to |actually )?"
    r"(?:clean|cook|plan|apologi[sz]|remember|notice|start|initiat|says? it|book|organi[sz]"
    r"|tid|wash|pay|text|call|reach|make|pick|choos|decid|suggest|does"
    r"|do(?:ing)? (?:it|the|everything)|has to)",
    r"\bI (?:do|did|end up doing) (?:all|most|everything|more than my share)\b",
    r"\bwhy do I (?:always )?have to\b|\bI(?:'ve| have) (?:asked|told|reminded) you\b",
)
# ... unless the load is carried elsewhere: "I'm the only one in my team on a visa",
# "I always plan everything and never hear from anyone".
_ELSEWHERE = _rx(
    r"\b(?:in|at) (?:my|the|our) (?:team|office|family|class|group|department|work)\b",
    r"\bfriend(?:s|ship)?\b|\banyone\b|\beveryone\b|\bpeople\b|\bat work\b",
)


# "I'm sorry I forgot", "That was my fault": sorry for what the writer did.
_OWNS_IT = _rx(
    r"\bsorry (?:that |for (?:what )?)?I(?:'ve| have| was)? (?!feel|felt|think|thought)\w+",
    r"\bsorry for (?:not |forgetting|missing|being|the way I|how I|what I|snapping|yelling)",
    r"\b(?:that|it) was (?:all )?my fault\b|\bI (?:should|shouldn't) have\b|\bI was wrong\b",
    r"\bmy bad\b|\bI apologi[sz]e\b|\bI messed up\b",
    # "Sorry, I was short with you", "That wasn't fair on you".
    r"^\W*(?:I'm )?sorry,? I (?:did|didn't|shouldn't|snapped|forgot|was (?:short|rude|harsh"
    r"|snappy|mean|wrong|out of line|unfair|a jerk|an idiot))\b",
    r"\b(?:that|it) (?:wasn't|was not) (?:fair|okay|ok|kind) (?:on|to) you\b",
)
# The writer's own side first: an excuse, a "how was I to know", a counter-complaint.
_DEFENDS = _rx(
    r"\bhow (?:was|am|would|could|should) I (?:supposed to |meant to |have )?know",
    r"\bwhat (?:do|did) you want (?:me to|from me)\b|\bwhat was I supposed to\b",
    r"\bI(?:'ve| have) been (?:so |really |super )?(?:busy|swamped|slammed|stressed)\b",
    r"\b(?:it's|it is|that's|that is|it wasn't|it was) not (?:my fault|like I)\b",
    r"\bnot my fault\b|\bI was (?:only |just )trying\b|\bwhat about (?:you|when you)\b",
    r"\bat least I\b|\byou know (?:that|I was|I've been|how busy)\b",
    r"\bI (?:already )?said (?:I'm|I am|I was) sorry\b|\bI already apologi[sz]ed\b",
    # "I did text back", "I literally asked you yesterday": their account corrected first.
    # Not "I did tell her, I'm sorry": owning it.
    r"\bI (?:did|do) (?:text|call|ring|reply|answer|message)\b",
    r"\bI (?:did|do) (?:ask|tell|remind) you\b",
    r"\bI (?:literally|already) (?:asked|told|texted|called|rang|replied|answered|messaged"
    r"|reminded|did)\b",
    r"\bI (?:asked|told) you (?:yesterday|this morning|last night|earlier|twice)\b",
    # "Was I? I don't remember that.": their account doubted.
    r"^\W*(?:was|did|were|am) I\?|\bI don't remember (?:that|doing|saying|being)\b",
    # "That's not fair, I planned the picnic": not "It's not fair on you" (sympathy).
    r"\b(?:(?:that's|that is|it's|it is) not|that isn't|it isn't) (?:fair|true)\b"
    r"(?! (?:on|to|for) you)|\b(?:that's|that is) (?:so |totally |just )?(?:unfair|untrue)\b",
)


# A message that opens with a question: the daily question's answer after its
# prompt, or "Can we talk about the phone thing? ...".
OPENING_QUESTION = re.compile(r"^[^.!?]*\?")
# A question about what the writer does that is good: the answer's "when you
# …" and "you took …" are what was loved, not a grievance.
_WARM_QUESTION = _rx(
    r"\b(?:lov(?:e|ed|es|ing)|liked|appreciat\w*|grateful|thankful|admir\w*|proud|favou?rite"
    r"|best|close(?:st|r)?|fun|memor(?:y|ies)|kindness|compliment|made your day|looked after"
    r"|cared for|understood|comfort\w*|connected|happ(?:y|ier|iest)|smile|laugh\w*)\b"
)
# ... unless it asks of a hard time ("What hard time are you grateful we came
# through?") or for a change ("What's one way I could love you better?").
_HARD_ASKED = _rx(
    r"\b(?:hard|difficult|struggl\w*|worst|low|lowest|scar\w*|hurt\w*|sad|fear\w*|afraid"
    r"|worr\w*|weigh\w*|stress\w*|regret\w*|lonel\w*|drain\w*|cry|cried|anxi\w*|nervous"
    r"|insecur\w*|avoid\w*|upset\w*|angry|anger|jealous\w*|ashamed|shame|embarrass\w*"
    r"|guilt\w*|tough)\b"
)
_HARD_QUESTION = _rx(
    _HARD_ASKED.pattern,
    r"\b(?:better|differently|change|more of|less|wish|need|miss|instead)\b",
)


def answers_a_warm_question(context: str) -> bool:
    """The message answers a question about what is good between them.

    >>> answers_a_warm_question("Q: When do you feel closest to me? A: On the sofa.")
    True
    >>> answers_a_warm_question("Q: What hard time are you grateful we came through? A: 2020.")
    False
    """
    question = OPENING_QUESTION.match(context)
    if question is None or not _DAILY.match(context):
        return False  # "When I said I'd go back to uni you laughed and said 'at your age?'"
    return bool(_WARM_QUESTION.search(question.group())) and not _HARD_QUESTION.search(
        question.group()
    )


# How a daily question's answer is written: "Q: … A: …" (the app's form),
# "Daily question: … Mine: …", "Question of the day: …".
_DAILY = _rx(r"^\s*(?:Q:|(?:daily|today's) (?:question|prompt)|question(?: of the day)?:)")


def answers_the_daily_question(context: str) -> bool:
    """The message is an answer to the app's daily question, in its own form.

    >>> answers_the_daily_question("Today's question was 'what do you wish I knew'. Mine: …")
    True
    >>> answers_the_daily_question("What do you want for dinner?")
    False
    """
    return bool(_DAILY.match(context))


_WHY_YOU = _rx(r"\bwhy (?:did|didn't|do|don't|would|were|are|can't|won't) you\b")


def complains_of_writer(context: str) -> bool:
    """The partner's message is about something the writer did.

    An opening question counts only as a "why did you": a daily question's
    "you" ("What did you want to be when you grew up?") is the one answering.

    >>> complains_of_writer("Why did you leave early? I felt alone.")
    True
    >>> complains_of_writer("What did you want to be when you grew up? A vet.")
    False
    >>> complains_of_writer("Can we talk? When you scroll at dinner I feel alone.")
    True
    >>> complains_of_writer("I plan every date. It makes me feel like you don't care.")
    True
    >>> complains_of_writer("I hope you don't mind, I ate the last slice.")
    False
    >>> complains_of_writer("I feel like I do all the cleaning around here.")
    True
    >>> complains_of_writer("I'm the only one in my team on a visa.")
    False
    >>> complains_of_writer("Q: What did I do this week that you loved? A: When you made tea.")
    False
    """
    question = OPENING_QUESTION.match(context)
    if question and _WHY_YOU.search(question.group()):
        return True
    rest = after_question(context)
    if answers_a_warm_question(context):
        # "What did I do this week that you loved? When you brought me tea": praise.
        return bool(_HURT_BY_YOU.search(rest))
    if FEATURES["you_accuse"].search(rest) or _ABOUT_THE_WRITER.search(rest):
        return True
    return bool(_CARRIES_IT.search(rest)) and not _ELSEWHERE.search(rest)


def after_question(context: str) -> str:
    """What they said, after the question it answers, if it opens with one.

    >>> after_question("What do you miss? The sea.")
    ' The sea.'
    """
    question = OPENING_QUESTION.match(context)
    return context[question.end() :] if question else context


def answer_to_complaint(reply: str, context: str) -> str | None:
    """How a reply to a complaint about the writer meets it, when it is clear.

    "for_feeling": sorry for their feeling, not for the deed ("I'm sorry you
    feel that way" to "You forgot my birthday again" says the feeling is the
    trouble). "defends": the writer's side first ("How was I supposed to
    know?", "I've been so busy"). "owned": sorry for what the writer did.
    "promised": what the writer will do differently, without saying sorry for
    the deed ("Next time I'll text").
    To a hurt the writer had no part in ("I feel so ugly today"), "I'm sorry
    you feel that way" is sympathy: None.

    >>> answer_to_complaint("I'm sorry you feel that way.", "You forgot my birthday again.")
    'for_feeling'
    >>> answer_to_complaint("I'm sorry I forgot, I've been swamped.", "You forgot my birthday.")
    'defends'
    >>> answer_to_complaint("I'm sorry I forgot. You must have felt invisible.",
    ...                     "You forgot my birthday.")
    'owned'
    >>> answer_to_complaint("I'm sorry you feel that way.", "I feel so ugly today.") is None
    True
    >>> answer_to_complaint("I should have texted. I've been swamped, but that's no excuse.",
    ...                     "You didn't text.")
    'owned'
    >>> answer_to_complaint("Sorry. Next time I'll text.", "You didn't even text.")
    'promised'
    """
    if not complains_of_writer(context):
        return None
    if _SORRY_FOR_FEELING.search(reply):
        return "for_feeling"
    owned = bool(_OWNS_IT.search(reply))
    if _DEFENDS.search(reply) and not (owned and _NO_EXCUSE.search(reply)):
        return "defends"
    if owned:
        return "owned"
    return "promised" if promises(reply) else None


# "I've been swamped, but that's no excuse": the reason is given, and not as a defence.
_NO_EXCUSE = _rx(r"\b(?:no|not an|isn't an|is not an) excuse\b")


# Praise of the news, which a "but" after it can take back.
_PRAISE = _rx(
    r"\b(?:amazing|great|awesome|wonderful|fantastic|brilliant|incredible|congrat\w*|nice|good"
    r"|cool|wow|yay|proud|exciting|well done|so happy)\b"
)


def takes_back_praise(previous: str, sentence: str) -> bool:
    """After good news, a "but" that takes back the praise just given.

    "Amazing!! But how are we going to pay for it?" deflates the news (Gable's
    active-destructive reply) and cannot also be an enthusiastic one; a "but"
    that reassures ("That fear makes sense. But you've raised two kids...")
    takes back no praise. `sentence` is one the coach hears as a dismissive
    "but"; `previous` the sentence before it ("" for the first).

    >>> takes_back_praise("Amazing!!", "But how are we going to pay for it?")
    True
    >>> takes_back_praise("That fear makes sense.", "But you've raised two kids.")
    False
    """
    cut = CONTRAST.search(NOT_CONTRAST.sub(" ", sentence))
    if cut is None:
        return False
    before = sentence[: cut.start()]
    # The sentence before counts when it is only the praise ("Wow, congrats!").
    if not before.strip(" ,.!?") and len(previous.split()) <= 5:
        before = previous
    return bool(_PRAISE.search(before))


def news_features(context: str) -> np.ndarray:
    """Counts of good-news and bad-news cues in the partner's message (capped).

    >>> news_features("I got the job!!").tolist()
    [0.75, 0.0, 1.0]
    """
    good = min(len(GOOD_NEWS.findall(context)), 4) / 4
    bad = min(len(BAD_NEWS.findall(context)), 4) / 4
    return np.array([good, bad, float("!" in context)], np.float32)


def good_news_words(context: str) -> int:
    """How many of the good-news cues in `context` are words (not "!" or an emoji).

    >>> good_news_words("I got the job!!"), good_news_words("The octopus one!")
    (1, 0)
    """
    return sum(1 for cue in GOOD_NEWS.findall(context) if cue[:1].isalnum())


def sentence_features(sentence: str) -> np.ndarray:
    """The patterns that match `sentence`, as 0/1 floats in the order of NAMES.

    >>> f = sentence_features("I hear you, but you always do this.")
    >>> [NAMES[i] for i in np.flatnonzero(f)][:4]
    ['but_after_ack', 'but_then_partner', 'writer_starts', 'you_always']
    """
    return np.array([1.0 if p.search(sentence) else 0.0 for p in FEATURES.values()], np.float32)


def has_contrast(sentence: str) -> bool:
    """True if the sentence has a contrast word that could take something back.

    >>> has_contrast("I wanted to call but my meeting ran over.")
    True
    >>> has_contrast("Nothing but love for you.")
    False
    """
    without = NOT_CONTRAST.sub(" ", sentence)
    return bool(CONTRAST.search(without))


_BLAME = ("you_always", "you_label", "you_make_me", "you_general", "you_should_have", "you_accuse")


def discounts_nothing(sentence: str) -> bool:
    """The "but" discounts nothing of the partner's, and nothing blames.

    The clause after it is warmth or shared coping ("It was hard but we got
    through it together"), praise of the thing itself with no acknowledgement
    before it to take back ("The movie was long but really good"), or the
    writer's own time with talk promised for later ("I'm sorry, but I have to
    go now, can we talk at nine?").

    >>> discounts_nothing("I know it's small, but I'm proud of you.")
    True
    >>> discounts_nothing("The movie was long but really good.")
    True
    >>> discounts_nothing("I'm sorry, but I have to go now, can we talk at nine?")
    True
    >>> discounts_nothing("I hear you, but it was a great party.")
    False
    >>> discounts_nothing("I hear you, but you always do this.")
    False
    >>> discounts_nothing("I applied to one once but didn't get in, their loss haha")
    True
    >>> discounts_nothing("I tried to tell you but you weren't listening.")
    False
    >>> discounts_nothing("But yes, it was funny.")
    True
    >>> discounts_nothing("But yes, you always do this.")
    False
    """
    if _blames(sentence):
        return False
    if _CONCEDES.search(sentence):
        return True
    if _OWN_STORY_BUT.search(sentence) and not FEATURES["second_person"].search(
        _after_contrast(sentence)
    ):
        return True
    praise = FEATURES["but_then_praise"].search(sentence)
    acknowledged = FEATURES["but_after_ack"].search(sentence) or FEATURES["yeah_but"].search(
        sentence
    )
    return bool(
        FEATURES["but_then_warm"].search(sentence)
        or (praise and not acknowledged)
        or FEATURES["but_later"].search(sentence)
    )


# "Hey! It was a badly drawn diagram. But yes, it was funny.", "I hadn't
# realised, but you're right": the "but" takes back the writer's own side and
# gives theirs (3 training replies, none labelled dismissive).
_CONCEDES = _rx(
    r"\b(?:but|though|however),? (?:yes|yeah|ok|okay|fair(?: enough)?|true|point taken"
    r"|you're right|you are right|I take your point)(?:[,.!?;]|\s*$)"
)
# "I wanted to call but my meeting ran over": both sides of the "but" are the
# writer's own story (an I and a past verb before it, no "you" after it), so it
# takes back nothing of the partner's. Not "I know/hear/get...": those
# acknowledge, and a "but" after them takes back.
_OWN_STORY_BUT = _rx(
    r"^\W*(?:(?:so|and|oh|yeah|cool|ha|haha|lol|same|honestly|well|ugh),?\s+)*i (?:once |even "
    r"|really |just |also )?(?:(?!(?:agreed|noticed|realised|realized|heard|understood"
    r"|loved|liked|enjoyed|appreciated)\b)\w+ed"
    r"|was|had|went|tried|got|did|made|took|ran|came|left|lost|wanted|used to|thought about"
    r"|spent|sent|met|saw|felt)\b[^.!?]*?\bbut\b"
)
_CONTRAST_SPLIT = _rx(r"\bbut\b")


def _after_contrast(sentence: str) -> str:
    parts = _CONTRAST_SPLIT.split(sentence, maxsplit=1)
    return parts[1] if len(parts) > 1 else ""


def only_supportive(sentence: str) -> bool:
    """Every sign of "you" here is supportive ("You worked so hard for this").

    >>> only_supportive("You must be exhausted."), only_supportive("You never listen.")
    (True, False)
    """
    return bool(FEATURES["you_supportive"].search(sentence)) and not _blames(sentence)


def hostile(sentence: str) -> bool:
    """A rhetorical or hostile question, neither open nor closed for the guide.

    >>> hostile("What is wrong with you?"), hostile("What was that like?")
    (True, False)
    >>> hostile("How is that my problem?"), hostile("What were you thinking about?")
    (True, False)
    """
    return bool(FEATURES["hostile_question"].search(sentence) or _RHETORICAL.search(sentence))


def blames_by_asking(sentence: str) -> bool:
    """A question that blames rather than asks: "What's wrong with you?".

    >>> blames_by_asking("What were you thinking?"), blames_by_asking("What are you thinking?")
    (True, False)
    >>> blames_by_asking("Did you even tell them?"), blames_by_asking("Where are you even going?")
    (True, False)
    """
    return bool(_BLAMING_QUESTION.search(sentence))


# "Did you even think about us?", "Why are you even looking at her page?": the
# "even" asks nothing, it accuses (guide rule 4). 9 training replies, all blame.
_EVEN_YOU = (
    r"^\W*(?:(?:so|and|but|ok|okay|wow|like|seriously),? )*(?:why |how )?"
    r"(?:did|do|does|have|are|were|would|could|can|is) (?:you|u) even\b"
)
# Read by the decisions only, never as model features, so the trained heads
# still see the inputs they were trained on.
_BLAMING_QUESTION = _rx(
    r"\bwhat(?: is|'s) (?:wrong|the matter) with (?:you|u)\b",
    r"\bwhat were (?:you|u) thinking\W*$",
    r"\bhow (?:could|dare) (?:you|u)\b",
    r"\bwhat (?:did|do) (?:you|u) (?:expect|think would happen)\b",
    _EVEN_YOU,
)
_RHETORICAL = _rx(
    r"\bhow is (?:that|this|it) my (?:problem|fault|job|business)\b",
    r"\bwhat were (?:you|u) thinking\W*$",
    r"\bwhy should i care\b|\bso what\b",
    _EVEN_YOU,
    r"\bhow (?:would|am|was|should|could|do) i (?:\w+ )?(?:supposed to )?(?:know|guess|tell)\b",
)


# Offers to do something together, beyond the proposal feature the heads read
# ("Want to plan something for Saturday?"). Read only to choose the note.
_OFFER = _rx(r"^\W*(?:(?:do you )?(?:want|wanna) to|fancy|up for) (?!talk|tell|say|share|vent)\w+")


# Asking to stop talking is no offer: "Can we not do this now?"
_PUTS_OFF = _rx(
    r"\b(?:can|could|shall) we (?:just )?(?:not|drop|leave|stop|skip|change the subject)\b",
    r"\b(?:can't|couldn't) we (?:just )?(?:drop|leave|stop|move on|forget)\b",
)


# "Did I get that right?": checking they were heard rightly, after saying it back.
_CHECKS = _rx(
    r"^\W*(?:(?:so|and|ok|okay),? )?(?:did I (?:get|hear|understand) (?:that|it|you|this)"
    r"(?: right| correctly)?|have I got (?:that|it|this) right|is that (?:right|it)|am I"
    r" (?:getting|understanding|hearing) (?:that|it|you|this) right|did I miss anything"
    r"|is there (?:anything|more) I missed|is that (?:fair|close))\W*$"
)


def checks_understanding(sentence: str) -> bool:
    """A yes/no question that checks the writer heard them rightly: good listening.

    >>> checks_understanding("Did I get that right?"), checks_understanding("Did you eat?")
    (True, False)
    """
    return bool(_CHECKS.search(sentence))


def offers(sentence: str) -> bool:
    """A kind offer asked as a yes/no question: its note need not ask for "what" or "how".

    >>> offers("Want to plan something for Saturday?"), offers("Did you eat?")
    (True, False)
    >>> offers("Let's do phone-free Sundays?"), offers("Maybe we could go on Friday?")
    (True, True)
    >>> offers("Can we not do this now?")
    False
    """
    return bool(
        FEATURES["proposal"].search(sentence)
        or _OFFER.search(sentence)
        or _TOGETHER.search(sentence)  # "Let's do phone-free Sundays?"
    ) and not _PUTS_OFF.search(sentence)


# A question for a fact ("What's for dinner?", "When is it?"): closed for the
# guide, though it opens with "what" or "when".
_ASKS_FOR_A_FACT = _rx(
    r"^\W*(?:(?:so|anyway|ok|okay|oh|well|and|right|cool|nice)\W+)*(?:what|when|where|who"
    r"|which|whose|how (?:many|much|long|old|far|often))\b(?!.*\b(?:feel|felt|like|mean|think))"
)


def asks_for_a_fact(sentence: str) -> bool:
    """A short-answer question that already opens with "what", "when" or the like.

    >>> asks_for_a_fact("Anyway, what's for dinner?"), asks_for_a_fact("Did you eat?")
    (True, False)
    >>> asks_for_a_fact("What was that like?")
    False
    """
    return bool(_ASKS_FOR_A_FACT.search(sentence))


# The partner asks for ideas: advice answers what they asked.
_ASKS_WHAT_TO_DO = _rx(
    r"\bwhat (?:should|do|would|can|could) (?:i|we) (?:even )?do\b",
    r"\bwhat would you do\b(?! with\b| if\b| on\b)|\bany (?:advice|ideas|tips|suggestions)\b",
    r"\b(?:should|do) i (?:just )?(?:tell|ask|call|text|say|go|quit|leave|take|apologi[sz]e"
    r"|stay|wait|confront|talk)\b",
    r"\bhow (?:do|should|can) i (?:handle|deal with|fix|approach|tell|bring)\b",
    r"\bwhat do you think i should\b|\bhelp me (?:decide|figure|work out)\b",
)


def asks_what_to_do(context: str) -> bool:
    """The partner's message asks for ideas, so advice is not early.

    >>> asks_what_to_do("She won't answer. What should I do?")
    True
    >>> asks_what_to_do("Q: What would you do with a free Saturday? A: Sleep.")
    False
    """
    return bool(_ASKS_WHAT_TO_DO.search(context))


# A practical favour asked of the writer: "Can you grab milk on your way back?".
_FAVOUR = _rx(
    r"^\W*(?:(?:hey|hi|babe|love|hun|also|oh|and|quick one),? )*(?:can|could|would|will) you"
    r" (?:please |pls |maybe |possibly )?"
    r"(?!believe\b|imagine\b|not\b|stop\b|ever\b|just stop\b|rather\b|still\b|marry\b)"
    r"(?:mind )?\w+"
)
# Yes to it, in a word or two: "k", "Will do.", "sure 👍".
_SAYS_YES = _rx(
    r"^\W*(?:k|kk|ok(?:ay)?|sure|yes|yep|yeah|yup|ya|of course|no problem|np|will do|on it"
    r"|can do|done|sounds good|no worries|course)\b"
)


def asks_a_favour(context: str) -> bool:
    """The partner's message asks a practical favour of the writer.

    >>> asks_a_favour("Can you remember to put the bins out tonight?")
    True
    >>> asks_a_favour("Can you believe it, the café hired me!")
    False
    >>> asks_a_favour("Would you rather live by the sea or in the city?")
    False
    """
    return bool(_FAVOUR.search(context))


def says_yes(reply: str) -> bool:
    """The reply opens with a yes ("k", "Will do.", "Sure, oat or regular?").

    >>> says_yes("Will do."), says_yes("No."), says_yes("okay 👍")
    (True, False, True)
    """
    return bool(_SAYS_YES.search(reply))


def not_closed(sentence: str) -> bool:
    """Not a closed question for the guide: hostile, advice asked, or an invitation.

    "Have you tried journaling?" is advice; "Want to talk about it?" invites more.

    >>> not_closed("Have you tried journaling?"), not_closed("Did you eat?")
    (True, False)
    """
    invites = _INVITES.search(sentence) and not re.search(r"\bor\b", sentence, _I)
    return hostile(sentence) or bool(_ADVICE_ASKED.search(sentence) or invites)


_ADVICE_ASKED = _rx(
    r"^\W*(?:(?:so|and|but|ok|okay|hmm|well|honestly),? )?(?:have you (?:tried|thought about"
    r"|considered|looked into|been able to (?:talk|see|speak|tell a))|why don't you|maybe try"
    r"|could you just|did you try|what if you (?:just|tried))\b"
)
_INVITES = _rx(
    r"\b(?:do you|would you|wanna|want to|you want to) (?:want to )?(?:talk about it|talk to me"
    r"|tell me|share|vent|say more|walk me)\b"
)


# "What's pulling you toward nursing?": asking what is behind a wish or a plan.
# 7 training replies, all labelled open. Engine-only (not a model feature).
_WHAT_DRAWS = _rx(
    r"\bwhat(?:'s| is) (?:drawing|pulling|pushing|calling) you\b|\bwhat draws you\b",
    r"\bwhat got you (?:into|thinking|interested)\b|\bwhat sparked\b",
)


def clearly_open(sentence: str) -> bool:
    """One of the guide's open forms: "What was that like?", "Tell me more."

    >>> clearly_open("What part stung most?"), clearly_open("What time is it over?")
    (True, False)
    >>> clearly_open("Wow. What's drawing you to nursing?")
    True
    """
    asks = "?" in sentence and (
        FEATURES["open_phrase"].search(sentence) or _WHAT_DRAWS.search(sentence)
    )
    invites = FEATURES["invitation"].search(sentence)
    return bool(asks or invites) and not hostile(sentence) and not _fact(sentence)


def clearly_blames(sentence: str) -> bool:
    """One of the guide's plain blaming forms: "That's on you", "You're overreacting".

    >>> clearly_blames("That's on you."), clearly_blames("It's not your fault.")
    (True, False)
    >>> clearly_blames("You make me late."), clearly_blames("You make me laugh.")
    (True, False)
    """
    return bool(_CLEAR_BLAME.search(sentence))


_CLEAR_BLAME = _rx(
    r"(?<!not )(?<!n't )\b(?:that's|that is|it's|it is|this is) (?:all )?(?:on you"
    r"|your (?:own )?fault)\b",
    r"\byou (?:make|made) me (?!(?:laugh|smile|happy|so happy|proud|feel (?:safe|loved|seen"
    r"|better|special|so|happy|at home|like myself)))\w+",
    r"(?<!not )\byou(?:'re| are) (?:being |just |so |too |way too |such a |acting )*"
    r"(?:overreacting|too sensitive|so sensitive|dramatic|paranoid|ridiculous|selfish|lazy"
    r"|crazy|childish|petty|impossible|hysterical|a drama queen)\b",
    r"\byou never listen\b",
    r"\byou were (?:kind of |so |really |being |a bit |just )*(?:horrible|awful|mean|nasty|cruel"
    r"|out of order|a jerk|an idiot)\b",
    r"\byou(?:'re| are) not my (?:mum|mom|mother|dad|father|boss)\b",
    r"\bwhat are you (?:even |actually )?(?:talking|on) about\b",
)


def _fact(sentence: str) -> bool:
    return bool(FEATURES["fact_question"].search(sentence))


def _blames(sentence: str) -> bool:
    return any(FEATURES[name].search(sentence) for name in _BLAME)


_OWN_FEELING = (
    r"i (?:feel|felt|get|got|was|am|'m|'ve been|have been|end up feeling|ended up feeling)\s+"
    r"(?:so |really |very |pretty |a bit |a little |kind of |quite |super |totally |completely )*"
    r"(?:lonely|alone|hurt|sad|angry|frustrated|scared|anxious|worried|invisible|ignored"
    r"|overwhelmed|upset|embarrassed|disappointed|unheard|left out|taken for granted|stressed"
    r"|exhausted|jealous|nervous|unimportant|dismissed|unappreciated|ashamed|rejected|forgotten"
    r"|second place|like an afterthought|like a \w+|small|unsupported|on my own|confused"
    r"|let down|panicky|sidelined|excluded)\b"
)
_I_STATEMENT = _rx(
    # "I felt lonely when you stayed late."
    r"^\W*(?:(?:and|so|honestly|ok|okay|well|look),? )?"
    + _OWN_FEELING
    + r"[^?]*\b(?:when|because|after|if|that|since|about|whenever)\b",
    # The same the other way round: "When you stayed out past two, I got scared."
    r"^\W*(?:(?:and|so|honestly|ok|okay|well|look),? )?(?:when|whenever|after) [^?]{3,80}?,\s*"
    + _OWN_FEELING,
)


def clear_i_statement(sentence: str) -> bool:
    """The writer names their own feeling and what it is about, with no blame.

    >>> clear_i_statement("I felt lonely when you stayed late.")
    True
    >>> clear_i_statement("I feel hurt when you always ignore me.")
    False
    >>> clear_i_statement("I feel like you never listen.")
    False
    >>> clear_i_statement("When you stayed out past two, I got scared something had happened.")
    True
    >>> clear_i_statement("When you always ignore me, I feel invisible.")
    False
    >>> clear_i_statement("I felt hurt when you said that in front of my mum.")
    True
    """
    # Not the accusing verbs ("you said", "you left"): after "when" they name
    # the behaviour, which is what an I-statement is about.
    blames = any(FEATURES[name].search(sentence) for name in _BLAME if name != "you_accuse")
    return bool(_I_STATEMENT.search(sentence)) and not blames


_FEELING_WORD = (
    r"(?:exhaust\w*|draining|drained|frustrat\w*|scary|scared|terrif\w*|frighten\w*|stressful"
    r"|painful|hurt\w*|lonely|isolat\w*|embarrass\w*|humiliat\w*|mortif\w*|heartbreak\w*"
    r"|heartbroken|infuriat\w*|maddening|upsetting|disappoint\w*|overwhelm\w*|nerve.?wracking"
    r"|devastat\w*|crushing|gutting|tough|hard|rough|difficult|brutal|a lot|stung|sting"
    r"|thrilled|relieved|over the moon|so proud|exciting|excited|unfair|confusing|awkward"
    r"|miserable|invisible|helpless|hopeless|demorali[sz]ing|discouraging|agoni[sz]ing"
    r"|unbearable|terrible|awful|horrible|heavy|sad|angry|furious|anxious|worrying|worried)"
)
_REFLECTION = _rx(
    r"\b(?:that|this|it)(?:'s| is| was)? ?(?:sounds?|must (?:have )?(?:been|be|feel|felt)"
    r"|must've been|sounded)\s+(?:like (?:it was |a )?)?(?:(?:so|really|incredibly|pretty|super"
    r"|truly|very|such a|such|absolutely|completely|genuinely|kind of|a bit|deeply|properly"
    r"|seriously|totally|horribly|unbelievably)\s+)*" + _FEELING_WORD + r"\b",
    r"\b(?:that|this|it|which) must(?:'ve| have)? (?:really |so |truly )?(?:stung|hurt|hit (?:you"
    r" )?hard|shaken you|scared you|broken your heart|felt (?:like|so|really)|gutted you)\b",
    # "That must feel like a slap in the face": 37 training replies, every one a
    # reflection once relabelled (RELABEL.md, stop 30).
    r"\b(?:that|this|it|which) must (?:really |still |sometimes )?feel like\b",
    r"\byou must (?:be|have been|feel|have felt|'ve felt|'ve been) (?:so |really |feeling )?\w+",
    r"\b(?:it )?sounds like you(?:'re| are| were|'ve| have| felt| feel)\b",
    # What they live through, said to sound like a feeling: "Foggy all day sounds
    # so disorienting", "Three hours in an airport sounds grim". On the training
    # replies 108 such sentences were labelled validation and 15 not; 14 of the
    # 15 were reflections the second relabel missed (RELABEL.md, stop 29).
    r"\bsounds (?:(?:so|really|pretty|completely|absolutely|incredibly|genuinely|properly"
    r"|horribly|unbelievably) )*(?:draining|exhausting|scary|terrifying|lonely|humiliating"
    r"|mortifying|frustrating|stressful|overwhelming|painful|heartbreaking|grim|miserable"
    r"|brutal|gutting|infuriating|isolating|disorienting|unsettling|embarrassing)\b",
    r"\bi can (?:only |totally |really |just )?imagine how\b|\bno wonder\b",
    # The feeling said to make sense, in the guide's own examples: "Anyone would
    # feel that way", "I'd feel the same", "Of course you were hurt", "Your
    # frustration is fair".
    r"\b(?:anyone|anybody|everyone|any of us) (?:would|'d) (?:feel|be|have felt|have been)"
    r" (?:that way|the same|like that|" + _FEELING_WORD + r")\b",
    r"\bi(?:'d| would)(?: have)? (?:feel|felt|be|been) (?:exactly |just )?"
    r"(?:the same|that way too)\b",
    # Their feeling taken as the writer's own would be: "I'd be gutted too", "I'd
    # have felt judged too". 35 training replies say it, 33 labelled validation.
    r"\bi(?:'d| would)(?: have)? (?:feel|felt|be|been) (?:so |really |absolutely |just |pretty "
    r"|completely )?(?!(?:there|here|going|doing|home|in|out|up|fine|ok|okay|happy|glad)\b)"
    r"[a-z]+(?: [a-z]+)? (?:too|as well)\b",
    r"\bof course you(?:'re| are| were| feel| felt) (?:so |really |feeling )?"
    + _FEELING_WORD
    + r"\b",
    r"\byour (?:frustration|anger|hurt|worry|fear|feelings?|reaction|upset|sadness)"
    r" (?:is|are|was|were|makes?(?: total| complete)? sense|feels?) (?:totally |completely |so )?"
    r"(?:fair|valid|understandable|legit\w*|reasonable|sense)\b",
)


def says_back_their_feeling(sentence: str) -> bool:
    """Their feeling said back to them: "You felt invisible at the party because...".

    A reflection, not blame, though it opens with "you" (a talk-time note
    "What I heard" is mostly this). Read by the decisions only.

    >>> says_back_their_feeling("You felt invisible because nobody asked about your work.")
    True
    >>> says_back_their_feeling("You feel hurt because you're too sensitive.")
    False
    >>> says_back_their_feeling("So what I'm hearing is that you miss your family.")
    True
    """
    said = _SAID_BACK.search(sentence) or _PARAPHRASE.search(sentence)
    return bool(said) and not _blames(sentence)


# The listener's paraphrase in the speaker-listener exercise: "So what I'm
# hearing is that you miss your family". No training reply says it this way.
_PARAPHRASE = _rx(
    r"^\W*(?:(?:so|ok|okay|right),? )?(?:what I'm hearing(?: you say)? is|what I hear"
    r"(?: you say(?:ing)?)? is|if I'm hearing you(?: right)?|if I heard you(?: right)?"
    r"|(?:so )?you're saying|let me (?:see if I|check I've) got (?:this|it))\b[^?]*?"
    r"\byou(?:'re| are| feel| felt| miss| want| need| wish| worry| get| were|'ve| have)\b",
)


_SAID_BACK = _rx(
    r"^\W*(?:(?:so|and|ok|okay),? )?(?:i heard (?:that )?|it sounds like |sounds like )?you"
    r" (?:felt|feel|were feeling|are feeling|'re feeling|must have felt|seemed|sounded)"
    r" (?:so |really |very |a bit |a little |kind of |quite |pretty |totally )*"
    r"(?:" + _FEELING_WORD + r"|invisible|left out|alone|unheard|ignored|dismissed"
    r"|unsupported|taken for granted|pushed aside|like an afterthought|like a guest)\b",
)


def validates(sentence: str) -> bool:
    """Plainly validating: their feeling reflected, or said back to them."""
    return reflects_feeling(sentence) or says_back_their_feeling(sentence)


def no_blaming_you(sentence: str) -> bool:
    """Its "you" blames nothing: support, or their feeling said back to them.

    A clear I-statement names what they did as what happened to the writer
    ("I felt left out when you went without me"): the guide's alternative to
    blame, and none of the 17 training replies with one is labelled blame.

    >>> no_blaming_you("You'll be fine, you always are."), no_blaming_you("You always are late.")
    (True, False)
    >>> no_blaming_you("I felt left out when you went without me.")
    True
    """
    return (
        clear_i_statement(sentence)
        or only_supportive(sentence)
        or says_back_their_feeling(sentence)
        or reassures_as_always(sentence)
        or only_hears_you(sentence)
        or clears_them(sentence)
        or only_advised(sentence)
    )


# "You're not failing us", "It's not your fault": the "you" is cleared of blame.
_CLEARS = _rx(
    r"\byou(?:'re| are) (?:not|nothing like|never) (?:doing anything wrong|failing|a failure"
    r"|a burden|broken|to blame|too much|like (?:him|her|them|your (?:dad|mum|mom|father"
    r"|mother)))\b",
    # A label said not to fit ("You're not overreacting"): on the training
    # replies, 21 such sentences and none labelled blame.
    r"\byou(?:'re| are)(?: not|n't)(?: being)? (?:overreacting|over-reacting|dramatic|crazy"
    r"|too sensitive|oversensitive|paranoid|stupid|selfish|petty|silly|mad|weak|needy"
    r"|unreasonable)\b",
    r"\b(?:it's|it is|that's|that is|it wasn't|it was) not your fault\b",
    r"\b(?:you(?:'re| are) being (?:\w+ )?)?too hard on yourself\b",
)


def clears_them(sentence: str) -> bool:
    """It tells them they are not to blame, and blames nothing else of theirs.

    >>> clears_them("You're not failing us, love."), clears_them("It's not your fault.")
    (True, True)
    >>> clears_them("You're not failing, you just never try.")
    False
    >>> clears_them("You're not overreacting.")
    True
    >>> clears_them("You're not overreacting, you just never listen.")
    False
    """
    return bool(_CLEARS.search(sentence)) and not _blames(_CLEARS.sub(" ", sentence))


# "I hear you", "thank you": a "you" that is listened to or thanked, never blamed.
_HEARS_YOU = _rx(
    r"\b(?:I|I'm|we) (?:hear|get|feel|see|understand|love|believe|support|miss|adore) you\b",
    r"\bthank you\b|\b(?:I'm|I am) (?:here )?(?:with|for) you\b",
    r"\b(?:proud|happy) (?:of|for) you\b",
)


def only_hears_you(sentence: str) -> bool:
    """Its only "you" is the one heard or thanked ("I hear you, but it's not a big deal").

    >>> only_hears_you("I hear you, but it's not a big deal.")
    True
    >>> only_hears_you("I hear you, but you always overreact.")
    False
    """
    return not has_second_person(_HEARS_YOU.sub(" ", sentence))


# "…, you always are." after "You'll be fine": faith in them, not "you always…".
_REASSURES = _rx(
    r"\byou(?:'ll| will)? (?:be (?:fine|okay|ok|alright|great)|get through|figure it out"
    r"|make it|pull through|manage|smash it|nail it|crush it)\b"
)
_ALWAYS_TAIL = (
    r"(?:and )?you always (?:are|do|have|will|manage|get there|figure it out|pull through"
    r"|make it work)\W*$"
)
_AS_ALWAYS = _rx(r",? " + _ALWAYS_TAIL)
# The same as a sentence of its own, echoing the one before ("You'll smash it. You always do.").
ECHO_ALWAYS = _rx(r"^\W*" + _ALWAYS_TAIL)
# "I knew you could do it": faith in them, and a bare "You always do." after it
# echoes it. Engine-only (no training reply holds one), like ECHO_ALWAYS.
SHOWS_FAITH = _rx(
    r"\b(?:I )?(?:always |just )?knew you(?:'d| would| could| can| were going to)"
    r" (?:do it|do this|make it|get it|get there|pull it off|nail it|smash it|manage"
    r"|figure it out|be (?:amazing|great|brilliant|fine))\b"
)
# "You are." on its own affirms what was just said of them ("I meant every word.
# You are."): nothing in it to blame. No training reply holds one.
AFFIRMS_YOU = _rx(
    r"^\W*(?:and )?you (?:really |truly |totally |absolutely |so |honestly |still )?"
    r"(?:are|were)(?: too)?\W*$"
)


def reassures_as_always(sentence: str) -> bool:
    """Reassurance that ends on an elliptical "you always are": no blame in it.

    >>> reassures_as_always("You'll be fine, you never listen anyway, you always are.")
    False
    """
    tail = _AS_ALWAYS.search(sentence)
    if tail is None:
        return False
    before = sentence[: tail.start()]
    return bool(_REASSURES.search(before)) and not _blames(before)


# The guide's plain examples of minimizing, which need no reading between the lines.
_PLAINLY_MINIMIZES = _rx(
    r"^\W*(?:(?:oh|hey|ok|okay|come on|babe|love|honestly|seriously|just|please|look|listen"
    r"|aw+),? )*(?:calm down|cheer up|chill out|don't be (?:sad|upset)|stop crying|get over it)\b",
    r"(?<!['\"])\b(?:look on the bright side|you'll get over it|(?:it|things|that) could"
    r" (?:always |have )?(?:be|been) (?:a lot |much |so much )?worse)\b",
    # The guide's shrinking phrases: "at least" opening a sentence, "don't
    # worry", "not a big deal"; and the same said in other words.
    r"^[\s(]*(?:(?:but|and|so|well|honestly|still|oh well),? )?at least (?:she|he|they|you|it|we"
    r"|your|the|there|nobody|no one)\b",
    r"\bdon't (?:worry|be silly|stress|sweat it|get (?:yourself )?worked up)\b|^\W*that's silly\b",
    r"\bno need to (?:worry|stress|get upset|be upset)\b",
    r"\b(?:not a big deal|no big deal|not the end of the world|isn't the end of the world)\b",
    # "Only 10?", "Only a minute?": their number asked back, smaller (both training replies
    # of this shape are labelled minimizing).
    r"^\W*(?:(?:wait|hmm|oh|lol|what),? )?only(?! (?:if|when|because|for|after|before|once"
    r"|you|me|us)\b)(?: [\w%'-]+){1,3}\?+\W*$",
    # "Why? You're fine.": a whole sentence that waves the worry away (4 training
    # replies, all labelled minimizing); not "You're fine to drive".
    r"^\W*(?:(?:oh|honestly|seriously|babe|love|trust me),? )*(?:you're|you are) (?:fine|ok"
    r"|okay)(?:,? (?:babe|love|hun|honestly|really))?\W*$",
    r"\b(?:isn't|is not|wasn't|not) (?:that|so|even that) (?:bad|long|big|serious)\b",
    # What they live through, called the way of the world: "Parents are like that",
    # "Corporate is like that only" (7 training replies, all labelled minimizing);
    # not a shared experience ("My kids are like that too").
    r"(?<!\bmy )\b(?:\w+s|people|corporate|life|work|grief|marriage|parenting|retail|school)"
    r" (?:are|is) (?:all |just |always |often |sometimes )?like that\b(?!,? (?:too|as well))",
    # "It's for the best": the loss, told it was good for them (2 training replies, both
    # labelled minimizing).
    r"(?<!hope )\b(?:it's|it is|it was|that's|this is) (?:probably |honestly |really |all )?"
    r"for the best\b",
    # "It's a haircut, not a wedding"; not a kind reframe ("It's an illness, not a
    # weakness"), which takes a judgement of themselves away.
    r"\b(?:it's|that's) an? \w+,? not an? (?!(?:failure|weakness|flaw|character|choice|crime"
    r"|sin|excuse|sign|judge?ment|verdict|reflection|moral|personal)\b)\w+",
)
# Said of the words, not to the partner: "I won't tell you to calm down", "he told me to cheer up".
_REPORTED = _rx(
    r"\b(?:not|never|won't|wouldn't|don't|didn't)(?: going to| gonna)? (?:tell|say|ask)\b",
    r"\b(?:told|tells|telling|said|says) (?:me|him|her|them|us)\b",
)


def plainly_minimizes(sentence: str) -> bool:
    """One of the guide's own examples of minimizing, said to the partner.

    >>> plainly_minimizes("Calm down."), plainly_minimizes("I won't tell you to calm down.")
    (True, False)
    >>> plainly_minimizes("It could be worse."), plainly_minimizes("Could it be worse?")
    (True, False)
    >>> plainly_minimizes("At least she's healthy."), plainly_minimizes("At least text me.")
    (True, False)
    >>> plainly_minimizes("'At least it's over' is a cruel thing to hear.")
    False
    >>> plainly_minimizes("It's a haircut, not a wedding."), plainly_minimizes("Don't worry.")
    (True, True)
    >>> plainly_minimizes("Don't worry about dinner, I'll cook tonight.")
    False
    >>> plainly_minimizes("It's an illness, not a weakness.")
    False
    >>> plainly_minimizes("You're fine."), plainly_minimizes("You're fine to drive.")
    (True, False)
    >>> plainly_minimizes("Only 10?"), plainly_minimizes("Only if you're sure?")
    (True, False)
    >>> plainly_minimizes("Bosses are like that."), plainly_minimizes("My kids are like that too.")
    (True, False)
    >>> plainly_minimizes("It's for the best."), plainly_minimizes("I hope it's for the best.")
    (True, False)
    """
    if takes_a_task(sentence):
        return False
    shrinks = _PLAINLY_MINIMIZES.search(sentence) or _SHRINKING_COMMAND.search(sentence)
    return bool(shrinks) and not _REPORTED.search(sentence)


def takes_a_task(sentence: str) -> bool:
    """A chore taken off them ("Don't worry about dinner, I'll cook"): no minimizing.

    >>> takes_a_task("Don't worry about dinner, I'll cook."), takes_a_task("Don't worry about it.")
    (True, False)
    """
    return bool(_TAKES_A_TASK.search(sentence))


# "Don't worry about dinner, I'll cook": a chore taken off them, not their
# feeling made small (the corpus has no such sentence; its "don't worry"s are
# about the worry itself, and "Don't worry, I'll help you appeal it" stays).
_TAKES_A_TASK = _rx(
    r"\bdon't worry about (?!it\b|that\b|this\b|anything\b|a thing\b|him\b|her\b|them\b"
    r"|me\b|us\b|what\b|how\b|whether\b|if\b)[^.?!]*\b(?:i'll|i will|i've got|i can|we'll)\b"
)


# The plain one-ups (Derber's "shift response" at its barest): the partner's
# trouble is set beside the writer's, and found smaller. Only words that
# compare: "that's nothing" opens the sentence ("even if that's nothing" does
# not compare), and "you're not the only one" only when it is about being tired
# ("so please know you're not the only one" comforts).
_NUMBER = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty"
    r"|a hundred)"
)
_PLAINLY_ONE_UPS = _rx(
    r"^\W*(?:(?:oh|ha+|haha|omg|honestly|pf+t?|pfft|lol|meh|nah|well|babe|hun|mate|seriously)"
    r"\W+)*that'?s nothing\b(?! to\b| wrong\b| like\b)",
    r"^\W*try " + _NUMBER + r"\b",
    r"\btry (?:being|having|living with|dealing with|working for) (?:me|my|mine)\b",
    r"\b(?:you think that'?s bad|wait (?:till|until|'til) you hear)\b",
    r"\b(?:mine|my (?:day|week|night|shift|commute|boss|manager|one)) (?:was|is|were)"
    r" (?:way |so |so much |much |even |a lot |far )?worse\b",
    r"\bat least yours\b|\bwelcome to my (?:life|world)\b",
    r"\byou'?re not the only one (?:who'?s|who is|that'?s|that is|who'?s been|who was)"
    r" (?:tired|exhausted|knackered|shattered|stressed|busy|up)\b",
)


def plainly_one_ups(sentence: str) -> bool:
    """The partner's trouble set beside the writer's own, and found smaller.

    >>> plainly_one_ups("That's nothing, my day was worse."), plainly_one_ups("Try six.")
    (True, True)
    >>> plainly_one_ups("I'll do whatever helps, even if that's nothing.")
    False
    >>> plainly_one_ups("Please know you're not the only one.")
    False
    """
    return bool(_PLAINLY_ONE_UPS.search(sentence)) and not _REPORTED.search(sentence)


# A sentence that opens by telling the partner what to do about it: advice
# however the head weighs it ("Apologise to them tonight."). Only verbs of
# acting on the trouble: "Call me", "Send a pic!", "Look at you!", "Stop
# nagging" and "Go for it" ask for the writer, cheer, or push back.
_SOFTENERS = (
    r"(?:just|maybe|honestly|ok|okay|so|babe|love|hun|well|then|seriously|look|listen|please)"
)
_FIX_VERBS = (
    r"(?:apologi[sz]e|quit|network|book|ignore|block|report|apply|cancel|delete|unfollow"
    r"|ditch|dump|explain|buy|switch)\b",
    r"(?:call|ring|text|email|message|ask|tell|talk to|speak to)"
    r" (?!me\b|us\b|if\b|when\b|(?:him|her|them) i said\b)",
    r"go (?:to (?!bed\b)|and|see|back to (?!bed\b))",
    r"get (?:a|an|some|him|her|them|yourself|out|help|checked)\b",
    r"(?:make (?:sure|time|an? appointment)|see (?:a|your) (?:doctor|gp|therapist|counsell?or))\b",
    r"(?:write (?:it|a|down|to)|focus on|look (?:into|for)|sleep on|break up|move on"
    r"|have a word|check (?:if|whether|with)|find (?:a|another|someone|out))\b",
    r"(?:sit|remind) (?:him|her|them)\b|set (?:a|an|up|boundaries)\b",
    r"take (?:a (?:break|day|walk|bath|nap)|some time off|the day off)\b",
)
_TELLS_WHAT_TO_DO = re.compile(
    r"^\W*(?:" + _SOFTENERS + r"\W+)*(?:" + "|".join(_FIX_VERBS) + ")", _I
)


def plainly_advises(sentence: str) -> bool:
    """A sentence that opens by telling them what to do (not a question).

    >>> plainly_advises("Apologise to them tonight."), plainly_advises("Call me when you can.")
    (True, False)
    >>> plainly_advises("Just network more."), plainly_advises("Call your mum yet?")
    (True, False)
    """
    return bool(_TELLS_WHAT_TO_DO.search(sentence)) and not sentence.rstrip().endswith("?")


def surely_blames(sentence: str) -> bool:
    """Plain blame, said or asked ("That's on you", "What's wrong with you?")."""
    return clearly_blames(sentence) or blames_by_asking(sentence)


def reflects_feeling(sentence: str) -> bool:
    """An accurate reflection of the partner's feeling: validation for the guide.

    >>> reflects_feeling("That must have really stung."), reflects_feeling("That sucks.")
    (True, False)
    >>> reflects_feeling("Anyone would feel that way."), reflects_feeling("I'd feel the same.")
    (True, True)
    >>> reflects_feeling("Your frustration is fair."), reflects_feeling("Anyone would do that.")
    (True, False)
    >>> reflects_feeling("You must be thrilled!"), reflects_feeling("You must be joking.")
    (True, False)
    """
    if re.search(r"\byou must be (?:joking|kidding|mad|crazy|out of your mind)\b", sentence, _I):
        return False
    return bool(_REFLECTION.search(sentence)) and not _blames(sentence)


# Understanding said in general words: the guide's level 1 of interpretations.
# A bare "I know." / "I know, babe" is the same understanding, said shorter: of
# the 70 training replies with one, 38 are labelled level 1.
GENERIC_UNDERSTANDING = _rx(
    r"\b(?:i understand|i know how (?:you feel|it feels|that feels|you're feeling)"
    r"|i get (?:it|that|you)|i can relate|i feel you|i hear you|i know what you mean"
    r"|i know the feeling|been there)\b",
    r"\bi know(?:[.,!]|$| (?:babe|love|hun|sweetheart|right)\b)",
)


def has_second_person(sentence: str) -> bool:
    return bool(FEATURES["second_person"].search(sentence))


def is_question(sentence: str) -> bool:
    """A sentence asking something, or inviting the partner to say more.

    >>> is_question("Tell me everything.")
    True
    >>> is_question("I'm here.")
    False
    """
    return "?" in sentence or bool(FEATURES["invitation"].search(sentence))


# The writer's own promise: "Next time I'll text", "From now on I will call".
_PROMISE = _rx(
    r"\b(?:i(?:'ll| will| won't| will not|'m going to| am going to)|i promise)\b",
)
# The words a promise shares with advice ("next time", "make sure"): theirs
# alone are no advice when the writer is the one who will act.
_PROMISE_TIME = _rx(r"\b(?:next time|from now on|in (?:the )?future|make sure)\b")
# Advice rules that tell them what to do; with "we should", "let's": any advice.
_YOU_ADVISED = ("should", "advice_phrase", "you_could", "just_do", "imperative_start")
_ADVICE_RULES = (*_YOU_ADVISED, "we_should", "lets")


# The writer asking to be told, called or let in ("Call me when you can",
# "Tell me everything!", "Ask me anything", "Tell her I said congrats"): a
# request for the writer, not a fix for them. 85 training replies have such a
# sentence; none is labelled advice.
_ASKS_FOR_THE_WRITER = _rx(
    r"^\W*(?:(?:just|and|so|ok|okay|babe|love|hun|then|please),? )*(?:(?:call|text|ask|tell"
    r"|ring|message|ping|phone|wake|show|send|remind|give|let|find|grab|meet|wait for) me\b"
    r"|tell (?:her|him|them) i said\b)"
)


# Yes to what they asked, said without the "I" ("Will do.", "On it. Recycling
# too?"), and leave to go at their own pace ("Take your time."): no fix. The four
# training replies with such a sentence are none of them labelled advice.
_AGREES = _rx(
    r"^\W*(?:(?:ok(?:ay)?|sure|yes|yep|yeah|yup|of course|no problem|np|sure thing),? )*"
    r"(?:will do|on it|consider it done|can do|take your time)(?:,? (?:babe|love|hun|now|x+))?"
    r"\W*$"
)


def agrees_or_gives_time(sentence: str) -> bool:
    """Yes to what they asked, or leave to take their time: no advice.

    >>> agrees_or_gives_time("Will do."), agrees_or_gives_time("Sure, on it!")
    (True, True)
    >>> agrees_or_gives_time("Take your time."), agrees_or_gives_time("Take your time to decide.")
    (True, False)
    >>> agrees_or_gives_time("A bath will do wonders.")
    False
    """
    return bool(_AGREES.search(sentence))


def asks_for_the_writer(sentence: str) -> bool:
    """The writer asks to be told or called: no advice.

    >>> asks_for_the_writer("Call me when you're out."), asks_for_the_writer("Ask me anything.")
    (True, True)
    >>> asks_for_the_writer("Ask your boss for a day off."), asks_for_the_writer("Tell him.")
    (False, False)

    A fix said in the same breath is still a fix:

    >>> asks_for_the_writer("Let me be honest, you should quit.")
    False
    >>> asks_for_the_writer("Tell me, have you tried melatonin?")
    False
    """
    fix = bool(FEATURES["should"].search(sentence) or FEATURES["you_could"].search(sentence))
    fix = fix or any(_ADVICE_ASKED.search(part) for part in re.split(r"[,;:]", sentence))
    return bool(_ASKS_FOR_THE_WRITER.search(sentence)) and not fix


# A command that shrinks the feeling ("Stop stressing", "Don't lose sleep over
# it", "Chin up"): minimizing, which the guide names; not a fix for the trouble.
_SHRINKING_COMMAND = _rx(
    r"^\W*(?:(?:just|and|so|ok|okay|babe|love|hun|honestly|oh|aw|look|seriously|please|well"
    r"|hey|mate),? )*(?:stop (?:stressing|worrying|overthinking|panicking|fretting|being (?:so )?"
    r"(?:dramatic|sensitive|silly))|don'?t (?:worry|stress|fret|panic|lose (?:any )?sleep"
    r"|get (?:so )?worked up|dwell|overthink|be (?:sad|silly|so hard on"
    r" yourself|upset|like that))|look on the bright side|chin up|cheer up|calm down"
    r"|shake it off|get over it|try not to (?:worry|dwell|stress))\b"
)


def only_shrinks(sentence: str) -> bool:
    """A shrinking command and no fix after it: minimizing, not advice.

    >>> only_shrinks("Stop stressing."), only_shrinks("Don't lose sleep over it, love.")
    (True, True)
    >>> only_shrinks("Don't panic, just take it one step at a time.")
    False
    """
    found = _SHRINKING_COMMAND.search(sentence)
    if not found:
        return False
    rest = re.split(r"[,;:]|\band\b", sentence[found.end() :])
    return not any(plainly_advises(part) or _JUST_DO.match(part) for part in rest)


_JUST_DO = re.compile(r"\W*just (?!because|in case|a\b|the\b|one\b|me\b|you\b)\w+", _I)


def no_fix(sentence: str) -> bool:
    """Told what to do, perhaps, but offered no fix: a promise, a request, a shrug.

    >>> no_fix("Next time I'll text."), no_fix("Call me when you can."), no_fix("Chin up!")
    (True, True, True)
    >>> no_fix("Call your GP tomorrow.")
    False
    """
    return promises(sentence) or asks_for_the_writer(sentence) or only_shrinks(sentence)


def promises(sentence: str) -> bool:
    """The writer promises to act, and asks nothing of the partner: no advice.

    After "You didn't even text", "Next time I'll text." is the writer taking it
    on, not telling them what to do.

    >>> promises("Next time I'll text."), promises("From now on I will call you.")
    (True, True)
    >>> promises("Next time just tell me and I'll stop.")
    False
    >>> promises("Next time you should text me."), promises("Take a break, I promise it helps.")
    (False, False)
    """
    if not _PROMISE.search(sentence):
        return False
    rest = _PROMISE_TIME.sub(" ", sentence)
    return not any(FEATURES[name].search(rest) for name in _ADVICE_RULES)


# The writer saying what they will do next: "I'll do the bins tonight", "We'll
# throw her a party", "I'm coming home right now".
_PLAN = _rx(
    r"^\W*(?:(?:and|so|ok|okay|then|either way|tonight|tomorrow|right now|first),? )*"
    r"(?:i(?:'ll| will|'m going to| am going to|'m gonna)|we(?:'ll| will|'re going to)"
    r"|i'm (?:coming|on my way|heading)|i(?:'d| would) like to (?!hear|know|understand|listen)"
    r"|let me (?!know|hear|understand|listen))\b"
)
# Any word of a feeling, or of seeing their side, keeps a plan a reflection too.
_FELT = _rx(
    r"\b(?:sorry|feel\w*|felt|hurt\w*|fair|right(?! now| away)|sense|understand\w*|get why"
    r"|see why|imagine|alone|lonely|scared|sad|proud|glad|happy)\b"
)


def only_plans(sentence: str) -> bool:
    """The writer says what they will do, and names no feeling: no reflection of theirs.

    The validation head reads whole replies, and a promise that follows a
    reflection ("I'll do the bins tonight") borrows its score. The note that
    praises naming their feeling belongs on the reflection.

    >>> only_plans("I'll do the bins tonight and the dishes after dinner.")
    True
    >>> only_plans("I'm coming home right now."), only_plans("We'll throw her a leaving party.")
    (True, True)
    >>> only_plans("I'll be here, and it makes sense you're scared.")
    False
    >>> only_plans("I'd like to hear how it feels from your side.")
    False
    """
    return bool(_PLAN.search(sentence)) and not _FELT.search(sentence) and not validates(sentence)


# "You should talk to HR", "Maybe you could ask for an extension": the "you" is
# the one advised, which is advice (its own note), not blame. Not "you should
# have" (blame for the past), nor a telling-off ("you need to calm down",
# "you should be grateful", "you need to stop …").
_ADVISED = _rx(
    r"^\W*(?:(?:honestly|maybe|perhaps|i think|i reckon|so|ok|okay|well|babe|love|hon),? )*"
    r"(?:you|u) (?:should|could|might want to|need to|can always|could always|may want to)"
    r" (?:just |maybe |probably |definitely |really |try to |still )?"
    r"(?!(?:have|'ve|of|not|never|stop|be|calm|grow|relax|chill|get over|toughen|man up"
    r"|learn|apologi\w*|say sorry|think before|listen|cut it out|let it go|move on|drop it"
    r"|lighten up|quit (?:complaining|moaning|whining)|at least|pretend|move (?:on|forward)"
    r"|try to move|double-check)\b)[a-z]+"
)


def only_advised(sentence: str) -> bool:
    """Its only "you" is the one given advice, and nothing in it blames.

    >>> only_advised("You should just quit, honestly."), only_advised("Maybe you could ask her.")
    (True, True)
    >>> only_advised("You should have told me."), only_advised("You need to calm down.")
    (False, False)
    >>> only_advised("You could at least pretend to be grateful.")
    False
    >>> only_advised("You should see a dietitian instead of just avoiding stuff.")
    False
    >>> only_advised("You should talk to him, you always avoid it.")
    False
    """
    match = _ADVISED.search(sentence)
    if match is None:
        return False
    rest = sentence[match.end() :]
    return not (has_second_person(rest) or _TOLD_OFF.search(rest) or _blames(sentence))


# What turns advice into a telling-off: "… instead of just avoiding stuff",
# "… like I've said a hundred times".
_TOLD_OFF = _rx(r"\binstead of\b|\blike I (?:said|told|'ve said|have said|keep saying)\b")


# "Let's watch it Friday?", "We should go together": doing it with them.
_TOGETHER = _rx(
    r"^\W*(?:(?:ok|okay|so|then|maybe|perhaps|ooh|oh|honestly|yes|yeah|omg|aw+|haha)\W+)*"
    r"(?:let's|let us|we should|we could|we can|shall we|should we|how about we"
    r"|(?:do you )?want to|wanna|fancy)\b(?! just\b)"
)


def proposes_together(sentence: str) -> bool:
    """A proposal to do something with them, telling them nothing to do.

    After a light answer ("Films I keep meaning to watch? The octopus one."),
    "Let's watch it Friday?" joins in; the corpus labels it no advice. After a
    complaint or a hard time the same words are a fix (engine._join_in).

    >>> proposes_together("Let's watch it Friday?"), proposes_together("Ooh, we should go!")
    (True, True)
    >>> proposes_together("Let's just drop it."), proposes_together("Let's go, you should rest.")
    (False, False)
    """
    if not _TOGETHER.search(sentence):
        return False
    return not any(FEATURES[name].search(sentence) for name in _YOU_ADVISED)


# "Let's hope it lasts", "Let's see if it holds up": a doubt, put as a plan.
_DOUBT_TOGETHER = _rx(r"\blet(?:'s| us) (?:hope|see|wait)\b")


def joins_in(sentence: str) -> bool:
    """A plan to do it with them that doubts nothing ("We could look at courses!").

    >>> joins_in("We could look at courses for next summer!"), joins_in("Let's hope it lasts.")
    (True, False)
    """
    return proposes_together(sentence) and not _DOUBT_TOGETHER.search(sentence)


# Praise of their news, in words that are rarely said flatly or in irony (not
# "good", "nice", "cool" or "great": "Great, more babysitting for us").
_WARM_PRAISE = _rx(
    r"\b(?:amazing|awesome|wonderful|fantastic|brilliant|incredible|congrat\w*|proud of you"
    r"|so proud|well done|so happy for|so glad|yay+|you did it)\b"
)


def praises(reply: str) -> bool:
    """Praise of their news said warmly.

    >>> praises("Well done, love!"), praises("good. she's a nightmare")
    (True, False)
    """
    return bool(_WARM_PRAISE.search(reply))


# The writer's own answer to the daily question, given in reply to theirs.
_OWN_ANSWER = _rx(
    r"(?:^|[.!?]\s*)\W*(?:mine|my answer|my one|for me|I'd say|I would say)\b",
    r"\bmine (?:would be|is)\b|\bcan't think of (?:one|any|anything)\b",
)


def gives_own_answer(reply: str) -> bool:
    """ "Mine: you finally fixed the shelf": the writer's own answer, not theirs heard.

    >>> gives_own_answer("Mine would be... hmm, honestly I can't think of one.")
    True
    >>> gives_own_answer("Aww, I loved getting that time with them.")
    False
    """
    return bool(_OWN_ANSWER.search(reply))


# "Same!", "Me too", "Mine too": the writer joins in with what they shared.
_SAME_HERE = _rx(r"^\W*(?:same|me too|me neither|us too|ditto|mine too|mine as well|me as well)\b")
# Their message is about the two of them: "we", "us", "our", or an answer to a
# question about what the writer does that is good ("When do you feel closest
# to me? Sunday on the sofa").
_US = _rx(r"\b(?:we|we're|we've|we'd|us|our|ours|together)\b")


def joins_in_a_moment_of_ours(reply: str, context: str) -> bool:
    """A "Same!" to a good moment the two of them shared: no turn to the writer's story.

    "Same. That was my favourite evening in ages" to "Sunday on the sofa"
    stays with their moment, the one the writer was in too; the corpus labels
    such replies no self-focus (7 of 7). "Same, the northern lights are on my
    list too" to a wish of their own, and "Same, I've been so flat" to a hard
    time, do turn to the writer: those are left to the head.

    >>> joins_in_a_moment_of_ours("Same!", "Q: When do you feel closest to me? A: On the sofa.")
    True
    >>> joins_in_a_moment_of_ours("Same, it's on my list.", "Q: A wish? A: The northern lights.")
    False
    >>> joins_in_a_moment_of_ours("Me too.", "We had a fight and I feel awful.")
    False
    >>> joins_in_a_moment_of_ours("Mine too. Let's do it again!", "Q: Best memory of us? A: Rome.")
    True
    """
    if not _SAME_HERE.search(reply) or tells_of_hardship(context):
        return False
    return answers_a_warm_question(context) or bool(_US.search(after_question(context)))


# The writer shares the good feeling back: "I loved that night", "I felt so
# relaxed with you", "That was my favourite evening", "Me too".
_WARMTH_BACK = _rx(
    _SAME_HERE.pattern,
    r"\bI (?:really |so |just |absolutely |honestly )?(?:love|loved|adore|adored|enjoyed)"
    r" (?:that|it|this|those|these|how|when|the|our|doing|being|you)\b",
    r"\bI (?:felt|feel|was) (?:so |really |very |pretty |super |completely |just )*"
    r"(?:relaxed|happy|close|loved|safe|calm|content|lucky|grateful|proud|special|seen"
    r"|cared for|at peace|at home|connected|myself)\b",
    r"\b(?:that|it) (?:was|is|'s) (?:my|our) (?:\w+ )?favou?rite\b",
    r"\bmakes? me (?:so |really )?(?:happy|smile)\b",
    r"\bI felt like we\b",
)


def shares_warmth_back(reply: str) -> bool:
    """The reply says how good it was for the writer too.

    >>> shares_warmth_back("Me too. I felt so relaxed with you.")
    True
    >>> shares_warmth_back("I went to bed early.")
    False
    """
    return bool(_WARMTH_BACK.search(reply))
