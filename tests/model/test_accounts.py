"""The classification code table: loading, names, tree, validation, the reference's 20 项."""

from __future__ import annotations

import pytest

from juesuan_pdf.model import accounts
from juesuan_pdf.model.accounts import Level, UnknownCodeError, load_code_table

# The 20 项 of the reference's 五（三） (lines 82–111), as the document writes them.
REFERENCE_LINES = [
    ("2059999", "教育支出（类）其他教育支出（款）其他教育支出（项）"),
    ("2069999", "科学技术支出（类）其他科学技术支出（款）其他科学技术支出（项）"),
    ("2080101", "社会保障和就业支出（类）人力资源和社会保障管理事务（款）行政运行（项）"),
    ("2080109", "社会保障和就业支出（类）人力资源和社会保障管理事务（款）社会保险经办机构（项）"),
    ("2080116", "社会保障和就业支出（类）人力资源和社会保障管理事务（款）引进人才费用（项）"),
    ("2080150", "社会保障和就业支出（类）人力资源和社会保障管理事务（款）事业运行（项）"),
    ("2080199", "社会保障和就业支出（类）人力资源和社会保障管理事务（款）其他人力资源和社会保障管理事务支出（项）"),
    ("2080505", "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）"),
    ("2080506", "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）"),
    ("2080701", "社会保障和就业支出（类）就业补助（款）就业创业服务补贴（项）"),
    ("2080702", "社会保障和就业支出（类）就业补助（款）职业培训补贴（项）"),
    ("2080704", "社会保障和就业支出（类）就业补助（款）社会保险补贴（项）"),
    ("2080705", "社会保障和就业支出（类）就业补助（款）公益性岗位补贴（项）"),
    ("2080711", "社会保障和就业支出（类）就业补助（款）就业见习补贴（项）"),
    ("2080799", "社会保障和就业支出（类）就业补助（款）其他就业补助支出（项）"),
    ("2089999", "社会保障和就业支出（类）其他社会保障和就业支出（款）其他社会保障和就业支出（项）"),
    ("2101102", "卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）"),
    ("2130599", "农林水支出（类）巩固脱贫攻坚成果衔接乡村振兴（款）其他巩固脱贫攻坚成果衔接乡村振兴支出（项）"),
    ("2130804", "农林水支出（类）普惠金融发展支出（款）创业担保贷款贴息及奖补（项）"),
    ("2210201", "住房保障支出（类）住房改革支出（款）住房公积金（项）"),
]

# The economic items named in the reference's 六 (lines 117–119), with the official names.
REFERENCE_ECONOMIC = {
    "30101": "基本工资",
    "30102": "津贴补贴",
    "30103": "奖金",
    "30107": "绩效工资",
    "30108": "机关事业单位基本养老保险缴费",
    "30109": "职业年金缴费",
    "30110": "职工基本医疗保险缴费",
    "30113": "住房公积金",
    "30199": "其他工资福利支出",
    "30305": "生活补助",
    "30309": "奖励金",
    "30399": "其他对个人和家庭的补助",
    "30204": "手续费",
    "30205": "水费",
    "30206": "电费",
    "30207": "邮电费",
    "30209": "物业管理费",
    "30213": "维修（护）费",
    "30214": "租赁费",
    "30215": "会议费",
    "30239": "其他交通费用",
    "30299": "其他商品和服务支出",
}


@pytest.fixture(scope="module")
def table() -> accounts.CodeTable:
    return load_code_table(2023)


@pytest.mark.parametrize(("code", "written"), REFERENCE_LINES)
def test_full_name_is_the_reference_wording(table: accounts.CodeTable, code: str, written: str) -> None:
    assert table.full_name(code) == written
    assert table.is_valid_functional(code)


def test_full_name_of_class_and_kuan(table: accounts.CodeTable) -> None:
    assert table.full_name("208") == "社会保障和就业支出（类）"
    assert table.full_name("20807") == "社会保障和就业支出（类）就业补助（款）"


@pytest.mark.parametrize(("code", "name"), sorted(REFERENCE_ECONOMIC.items()))
def test_economic_names(table: accounts.CodeTable, code: str, name: str) -> None:
    assert table.economic_name(code) == name
    assert table.is_valid_economic(code)


def test_class_names_of_reference_structure_sentence(table: accounts.CodeTable) -> None:
    # 五（二） (line 75): the six 类 in code order.
    names = [table.functional_name(c) for c in ("205", "206", "208", "210", "213", "221")]
    assert names == ["教育支出", "科学技术支出", "社会保障和就业支出", "卫生健康支出", "农林水支出", "住房保障支出"]


def test_levels_and_parents() -> None:
    assert accounts.level("208") is Level.LEI
    assert accounts.level("20801") is Level.KUAN
    assert accounts.level("2080101") is Level.XIANG
    assert Level.XIANG.label == "项"
    assert accounts.parent("2080101") == "20801"
    assert accounts.parent("20801") == "208"
    assert accounts.parent("208") is None
    assert accounts.ancestors("2080101") == ("208", "20801", "2080101")
    assert accounts.parent("30101") == "301"


@pytest.mark.parametrize("bad", ["", "20", "2080", "208010", "20801011", "２０８", "20a01", " 208"])
def test_malformed_codes(table: accounts.CodeTable, bad: str) -> None:
    assert not accounts.is_well_formed(bad)
    assert not table.is_valid_functional(bad)
    with pytest.raises(ValueError, match="格式"):
        accounts.level(bad)


def test_kuan_must_sit_under_its_class(table: accounts.CodeTable) -> None:
    # 2089801: 款 20898 does not exist under 208.
    problems = table.functional_problems("2089801")
    assert problems == ("2023年科目表中没有功能分类款 20898", "2023年科目表中没有功能分类项 2089801")
    assert not table.is_valid_functional("2089801")
    assert table.functional_problems("218") == ("2023年科目表中没有功能分类类 218",)


def test_economic_validation(table: accounts.CodeTable) -> None:
    assert table.is_valid_economic("302")
    assert not table.is_valid_economic("3020101")
    assert not table.is_valid_economic("30298")
    assert table.economic_problems("30298") == ("2023年科目表中没有经济分类科目 30298",)


def test_unknown_code_raises(table: accounts.CodeTable) -> None:
    with pytest.raises(UnknownCodeError, match="2089801"):
        table.functional_name("2089801")
    with pytest.raises(LookupError):
        table.economic_name("30298")


def test_children_in_code_order(table: accounts.CodeTable) -> None:
    assert table.functional_children("20805")[:3] == ("2080501", "2080502", "2080503")
    assert "20801" in table.functional_children("208")
    assert table.functional_children("2080101") == ()
    assert table.economic_children("303")[0] == "30301"
    assert table.economic_classes() == ("301", "302", "303", "307", "309", "310", "311", "312", "313", "399")


def test_statement_classes_cover_the_reference_classes(table: accounts.CodeTable) -> None:
    assert table.statement_classes[0] == "201"
    assert table.statement_classes.index("229") > table.statement_classes.index("224")
    for code in ("205", "206", "208", "210", "213", "221"):
        assert code in table.statement_classes
    assert "209" not in table.statement_classes
    assert list(table.statement_classes) == sorted(table.statement_classes)


def test_three_public_links(table: accounts.CodeTable) -> None:
    tp = table.three_public
    assert (tp.outbound, tp.vehicle_running, tp.vehicle_purchase, tp.reception) == ("30212", "30231", "31013", "30217")
    assert table.economic_name(tp.reception) == "公务接待费"


def test_personnel_and_public(table: accounts.CodeTable) -> None:
    assert table.is_personnel("30101") and table.is_personnel("30399")
    assert table.is_public("30299") and table.is_public("31002")
    assert not table.is_personnel("30204")


def test_uncertain_and_former_names(table: accounts.CodeTable) -> None:
    assert table.is_uncertain("2089901") and table.is_uncertain("2130804")
    assert not table.is_uncertain("2080101")
    assert table.name_matches("210", "医疗卫生与计划生育支出")
    assert table.name_matches("210", "卫生健康支出")
    assert not table.name_matches("2101101", "事业单位医疗")


def test_every_year_2021_to_2026_has_its_own_table() -> None:
    assert set(range(2021, 2027)) <= set(accounts.available_years())
    for year in range(2021, 2027):
        table = load_code_table(year)
        assert table.year == year
        assert table.source
        assert len(table.functional) > 1000 and len(table.economic) > 100


def test_year_fallback_is_the_nearest_year() -> None:
    assert load_code_table(2025) is load_code_table(2025)
    assert accounts.table_year_for(2030) == max(accounts.available_years())
    assert accounts.table_year_for(1990) == min(accounts.available_years())


@pytest.mark.parametrize("code", ["2130104", "2130201", "2130301", "2140101", "2200101", "2240101", "2013101",
                                  "2070101", "2013804", "2070104", "2070808", "2100201"])
def test_common_codes_missing_before_are_listed(code: str) -> None:
    for year in range(2021, 2027):
        assert load_code_table(year).is_valid_functional(code), (year, code)


def test_years_differ_where_the_classification_changed() -> None:
    assert load_code_table(2022).functional["21305"] == "巩固脱贫衔接乡村振兴"
    assert load_code_table(2023).functional["21305"] == "巩固脱贫攻坚成果衔接乡村振兴"
    assert load_code_table(2023).name_matches("21305", "巩固脱贫衔接乡村振兴")
    assert "20140" in load_code_table(2024).functional and "20140" not in load_code_table(2023).functional


def test_every_listed_code_has_its_parents(table: accounts.CodeTable) -> None:
    for code in table.functional:
        assert table.is_valid_functional(code), code
    for code in table.economic:
        assert table.is_valid_economic(code), code


def test_table_from_dict_rejects_orphans() -> None:
    raw = {
        "year": 2023,
        "functional": {"208": "社会保障和就业支出", "2080101": "行政运行"},
        "economic": {
            "302": "商品和服务支出",
            "30212": "因公出国（境）费用",
            "30231": "公务用车运行维护费",
            "30217": "公务接待费",
            "310": "资本性支出",
            "31013": "公务用车购置",
        },
        "statement": {"classes": ["208"]},
        "three_public": {
            "outbound": "30212",
            "vehicle_running": "30231",
            "vehicle_purchase": "31013",
            "reception": "30217",
        },
    }
    with pytest.raises(ValueError, match="2080101"):
        accounts.code_table_from_dict(raw)
