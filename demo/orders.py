"""Demo orders and buyers' reviews, so a newcomer sees the shop working: a producer's area
with orders to confirm and a transfer to check, officers' order lists and a review waiting
for moderation, product pages with stars and what buyers wrote.

Like every demo loader, it creates only what is missing: an order is keyed by its code,
made from its number, so a restart never adds a second set and an officer's or producer's
change to a demo order (confirming it, cancelling it) survives. Rows are written directly,
not through `orders.services.place_order()`: a demo load must not send emails or take stock
from the demo's counts, and it backdates orders over the last four months. Fees are the
ones `orders.delivery.quote()` gives, so a demo order reads like one placed at checkout.
"""

import datetime
import hashlib
import uuid
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from catalogue.models import Product
from demo import data as demo_data
from demo import order_data
from demo.pictures import draw_product_image
from demo.stable import stable_int
from orders import delivery
from orders.models import (
    ORDER_CODE_ALPHABET,
    ORDER_CODE_LENGTH,
    Fulfilment,
    Order,
    OrderLine,
    Payment,
    ProducerOrder,
    Review,
    ReviewStatus,
    Status,
    signature_from_name,
)
from orders.reviews import refresh_product_figures
from showrooms.models import ShowroomStock
from villages.models import Commune, District

ORDER_COUNT = 44
# The producer with the demo producer login gets every third order, so its area is busy:
# orders 0, 3, 6 and 9 are new, confirmed and on their way, the older ones done.
BUSY_PRODUCER = "gom-quang-vinh"
RECENT_ORDERS = 10  # order n of these was placed n days ago
OLDEST_ORDER_DAYS = 120
HIDDEN_REVIEW_ORDER = 26  # the order whose review an officer hid
# Product sets nobody orders to their door (live fish, a homestay night).
NOT_ORDERED_SETS = {"ornamental-animals", "tourism-services"}


def demo_order_code(number):
    """An order code that depends only on the order's number (keys the demo order)."""
    value = stable_int("demo order", number)
    return "".join(
        ORDER_CODE_ALPHABET[(value // len(ORDER_CODE_ALPHABET) ** i) % len(ORDER_CODE_ALPHABET)]
        for i in range(ORDER_CODE_LENGTH)
    )


def demo_token(number):
    return uuid.UUID(bytes=hashlib.sha256(f"demo order token|{number}".encode()).digest()[:16])


def picture_kind(product):
    """The demo picture's kind of thing `product` is ("vase", "scarf"), from its template."""
    template = demo_data.TEMPLATES_BY_NAME.get(product.name)
    return template[-1] if template else ""


def review_kind(product, language):
    """Which of order_data.REVIEWS' kinds a buyer of `product` writes about."""
    kind = order_data.REVIEW_KIND_OF_PICTURE.get(picture_kind(product), "ceramics")
    if "sơn mài" in product.name or "khảm" in product.name:
        kind = "lacquer"
    return order_data.ENGLISH_KIND[kind] if language == "en" else kind


def order_age_days(number):
    """How many days ago demo order `number` was placed: the first few in the last ten
    days, the rest spread over four months."""
    if number < RECENT_ORDERS:
        return number
    spread = (OLDEST_ORDER_DAYS - RECENT_ORDERS) / (ORDER_COUNT - RECENT_ORDERS)
    return RECENT_ORDERS + round((number - RECENT_ORDERS) * spread)


def status_for_age(days, number, is_pickup):
    """Where an order of `days` ago stands now: new ones wait, old ones are done (one in
    eight of those cancelled, with the producer's reason)."""
    if days <= 2:
        return Status.NEW
    if days <= 5:
        return Status.CONFIRMED
    if days < RECENT_ORDERS:
        return Status.READY if is_pickup else Status.SHIPPED
    return Status.CANCELLED if number % 8 == 6 else Status.COMPLETED


def signature(name, language):
    """How a buyer signs: a Vietnamese name's last word ("Lan"), a western name's first."""
    return name.split()[0] if language == "en" else signature_from_name(name)


class DemoOrders:
    """Builds the missing demo orders; `load()` returns the orders made."""

    def __init__(self, producers, now=None):
        self.now = now or timezone.now()
        self.producers = sorted(producers.values(), key=lambda producer: producer.slug)
        self.busy = producers.get(BUSY_PRODUCER)
        products = (
            Product.objects.filter(producer__in=self.producers, is_published=True, price__gt=0)
            .exclude(product_set__in=NOT_ORDERED_SETS)
            .select_related("producer__district", "producer__payee_account")
            .order_by("slug")
        )
        self.products_of = {}
        for product in products:
            self.products_of.setdefault(product.producer_id, []).append(product)
        self.districts = {district.slug: district for district in District.objects.all()}
        self.communes = {commune.name: commune for commune in Commune.objects.all()}
        self.moderators = self._moderators()
        self.reviewed_products = set()
        self.texts_of = defaultdict(set)  # product id → review texts it already has

    def _moderators(self):
        """Who publishes a review of each district's products: its demo officer, else the admin."""
        User = get_user_model()
        moderators = {}
        for user in User.objects.filter(officer_districts__isnull=False).prefetch_related("officer_districts"):
            for district in user.officer_districts.all():
                moderators.setdefault(district.pk, user)
        moderators[None] = User.objects.filter(is_superuser=True).order_by("pk").first()
        return moderators

    @transaction.atomic
    def load(self):
        existing = set(
            Order.objects.filter(code__in=[demo_order_code(n) for n in range(ORDER_COUNT)]).values_list(
                "code", flat=True
            )
        )
        made = [self.make_order(n) for n in range(ORDER_COUNT) if demo_order_code(n) not in existing]
        for product_id in self.reviewed_products:
            refresh_product_figures(product_id)
        return [order for order in made if order is not None]

    # --- one order ----------------------------------------------------------------------

    def producers_for(self, number):
        """One producer, or two for every fifth order (a cart from two workshops)."""
        with_products = [producer for producer in self.producers if self.products_of.get(producer.pk)]
        if not with_products:
            return []
        first = (
            self.busy
            if number % 3 == 0 and self.busy in with_products
            else with_products[stable_int("order producer", number) % len(with_products)]
        )
        chosen = [first]
        if number % 5 == 2:
            second = with_products[stable_int("second producer", number) % len(with_products)]
            if second != first:
                chosen.append(second)
        return chosen

    def lines_for(self, number, producers):
        """(product, quantity) pairs: one or two products of each producer."""
        lines = []
        for producer in producers:
            products = self.products_of[producer.pk]
            count = 1 + stable_int("line count", number, producer.slug) % min(2, len(products))
            start = stable_int("first product", number, producer.slug) % len(products)
            for offset in range(count):
                product = products[(start + offset) % len(products)]
                quantity = 1 + stable_int("quantity", number, product.slug) % (3 if product.price < 300_000 else 2)
                lines.append((product, quantity))
        return lines

    def pickup_showroom(self, number, lines):
        """Every sixth order is picked up, at a showroom stocking all of it (else delivered)."""
        if number % 6 != 3:
            return None
        product_ids = {product.pk for product, _quantity in lines}
        stocking = {}
        for showroom_id, product_id in ShowroomStock.objects.filter(
            product_id__in=product_ids, showroom__is_active=True
        ).values_list("showroom_id", "product_id"):
            stocking.setdefault(showroom_id, set()).add(product_id)
        complete = sorted(showroom_id for showroom_id, held in stocking.items() if held == product_ids)
        return complete[0] if complete else None

    def make_order(self, number):
        producers = self.producers_for(number)
        if not producers:
            return None
        # Shoppers take turns (7 is prime to their number): each orders two or three times.
        name, phone, email, address, commune_name, district_slug, language = order_data.SHOPPERS[
            number * 7 % len(order_data.SHOPPERS)
        ]
        days = order_age_days(number)
        placed_at = self.now - datetime.timedelta(days=days, hours=stable_int("hour", number) % 9 + 1)
        lines = self.lines_for(number, producers)
        showroom_id = self.pickup_showroom(number, lines)
        is_pickup = showroom_id is not None
        takes_transfers = all(getattr(producer, "payee_account", None) for producer in producers)
        payment = Payment.BANK_TRANSFER if takes_transfers and number % 4 != 1 else Payment.CASH
        district = self.districts.get(district_slug)
        commune = self.communes.get(commune_name)
        quote = delivery.quote(
            lines,
            fulfilment=Fulfilment.PICKUP if is_pickup else Fulfilment.DELIVERY,
            district_id=getattr(district, "pk", None),
            commune_id=getattr(commune, "pk", None),
        )
        order = Order.objects.create(
            code=demo_order_code(number),
            token=demo_token(number),
            name=name,
            phone=phone,
            email=email,
            fulfilment=Fulfilment.PICKUP if is_pickup else Fulfilment.DELIVERY,
            address="" if is_pickup else address,
            delivery_district=None if is_pickup else district,
            delivery_commune=None if is_pickup else commune,
            showroom_id=showroom_id,
            payment=payment,
            note=self.note(number, language),
            total=quote.total,
            language=language,
        )
        status = status_for_age(days, number, is_pickup)
        for part_quote in quote.parts:
            self.make_part(order, part_quote, status, placed_at, number)
        Order.objects.filter(pk=order.pk).update(created_at=placed_at, updated_at=placed_at)
        return order

    def make_part(self, order, part_quote, status, placed_at, number):
        producer = part_quote.producer
        payee = getattr(producer, "payee_account", None) if order.payment == Payment.BANK_TRANSFER else None
        part = ProducerOrder.objects.create(
            order=order,
            producer=producer,
            status=status,
            subtotal=part_quote.subtotal,
            delivery_fee=part_quote.fee,
            delivery_days_min=part_quote.days_min,
            delivery_days_max=part_quote.days_max,
            payee_bank_name=payee.bank_name if payee else "",
            payee_account_number=payee.account_number if payee else "",
            payee_account_name=payee.account_name if payee else "",
            payee_bank_bin=payee.bank_bin if payee else "",
            cancel_reason=self.cancel_reason(order, number) if status == Status.CANCELLED else "",
            # Money arrives the day after ordering; new orders' transfers are still awaited,
            # and a cancelled order was cancelled before its shopper paid.
            paid_at=placed_at + datetime.timedelta(hours=20)
            if payee and status not in (Status.NEW, Status.CANCELLED)
            else None,
        )
        OrderLine.objects.bulk_create(
            OrderLine(
                part=part,
                product=product,
                product_name=product.name,
                unit=product.unit,
                unit_price=product.price,
                quantity=quantity,
            )
            for product, quantity in part_quote.lines
        )
        ProducerOrder.objects.filter(pk=part.pk).update(created_at=placed_at)
        if status == Status.COMPLETED:
            for index, (product, _quantity) in enumerate(part_quote.lines):
                hidden = number == HIDDEN_REVIEW_ORDER and index == 0
                self.maybe_review(part, product, placed_at, number, line=index, hidden=hidden)

    @staticmethod
    def note(number, language):
        """One shopper in five writes a note for the producer."""
        if number % 5 != 1:
            return ""
        notes = order_data.NOTES[language]
        return notes[stable_int("note", number) % len(notes)]

    @staticmethod
    def cancel_reason(order, number):
        reasons = order_data.CANCEL_REASONS[order.language]
        return reasons[number % len(reasons)]

    # --- reviews ----------------------------------------------------------------------

    def maybe_review(self, part, product, placed_at, number, line=0, hidden=False):
        """Three buyers in four review what they got, a week or so after ordering."""
        if stable_int("reviews", number, product.slug) % 4 == 0 and not hidden:
            return
        order = part.order
        written_at = placed_at + datetime.timedelta(days=5 + stable_int("review day", number) % 6)
        choices = order_data.REVIEWS[order.language][review_kind(product, order.language)]
        # Two products of one order never get the same words, nor two buyers of one product
        # (while the kind has words left).
        start = stable_int("review text", number) + line
        candidates = [choices[(start + step) % len(choices)] for step in range(len(choices))]
        stars, text = next(
            (choice for choice in candidates if choice[1] not in self.texts_of[product.pk]), candidates[0]
        )
        self.texts_of[product.pk].add(text)
        status, reason = ReviewStatus.PUBLISHED, ""
        if hidden:  # an officer hid it, with the reason the buyer sees
            stars, text = order_data.HIDDEN_REVIEW
            status, reason = ReviewStatus.HIDDEN, order_data.HIDDEN_REASON
        elif (self.now - written_at).days < 12:
            status = ReviewStatus.PENDING  # the newest wait for the district's officers
        moderator = self.moderators.get(part.producer.district_id) or self.moderators[None]
        moderated = status != ReviewStatus.PENDING
        reply = ""
        if status == ReviewStatus.PUBLISHED and stable_int("reply", number, product.slug) % 5 < 2:
            replies = order_data.REPLIES[order.language]["praise" if stars == 5 else "remark"]
            name = signature(order.name, order.language)
            reply = replies[stable_int("reply text", number) % len(replies)].format(name=name)
        review = Review.objects.create(
            part=part,
            product=product,
            stars=stars,
            text=text,
            display_name=signature(order.name, order.language),
            language=order.language,
            status=status,
            moderation_reason=reason,
            moderated_by=moderator if moderated else None,
            moderated_at=written_at + datetime.timedelta(hours=30) if moderated else None,
            reply=reply,
            replied_at=written_at + datetime.timedelta(days=2) if reply else None,
        )
        Review.objects.filter(pk=review.pk).update(created_at=written_at)
        self.reviewed_products.add(product.pk)


def load_orders(producers):
    """The demo orders (and their reviews) that are missing; returns those made."""
    return DemoOrders(producers).load()


def load_review_photos():
    """The buyer's own photo on one demo review in four (a drawing of the product from
    another angle), for the reviews that have none. Drawn after the orders' transaction, as
    the product pictures are: drawing must not hold the database's write lock. Returns the
    number of photos added."""
    codes = [demo_order_code(number) for number in range(ORDER_COUNT)]
    reviews = (
        Review.objects.filter(part__order__code__in=codes, photo="")
        .exclude(status=ReviewStatus.HIDDEN)
        .select_related("product__craft", "part__order")
    )
    added = 0
    for review in reviews:
        if stable_int("review photo", review.part.order.code, review.product.slug) % 4:
            continue
        kind = picture_kind(review.product)
        if not kind:
            continue  # renamed by an officer: no drawing to make of it
        jpeg = draw_product_image(review.product, kind, variant=2)
        # The review's upload_to gives the file its random name; save() makes its thumbnail.
        review.photo.save("anh-nguoi-mua.jpg", ContentFile(jpeg), save=False)
        review.save()
        added += 1
    return added
